/**
 * Numbers in the lab's messages: "latency 2 300 ms > 2 000 ms". Thousands are grouped with a
 * no-break space, as SI writes them, so a reason never wraps inside a number and reads the same in
 * every locale.
 */
export function groupDigits(value: number): string {
	const [whole = '', fraction] = String(Math.abs(value)).split('.');
	const grouped = whole.length > 3 ? whole.replace(/\B(?=(\d{3})+$)/g, '\u00a0') : whole;
	return `${value < 0 ? '-' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}
