/** Earlier texts of the plain field, bounded so a 1 MB request cannot pile up copies. */
const MAX_ENTRIES = 100;
const MAX_CHARS = 4_000_000;

export function createHistory() {
	const entries: string[] = [];
	let chars = 0;
	return {
		push(text: string): void {
			if (entries.at(-1) === text) return;
			entries.push(text);
			chars += text.length;
			while (entries.length > MAX_ENTRIES || (chars > MAX_CHARS && entries.length > 0)) {
				chars -= entries.shift()!.length;
			}
		},
		/** Oldest first, ending with `current`. */
		texts(current: string): string[] {
			return entries.at(-1) === current ? [...entries] : [...entries, current];
		},
	};
}
