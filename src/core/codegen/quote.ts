/**
 * POSIX shell single quoting: everything inside '…' is literal; a ' itself is written '\'' (close,
 * escaped quote, reopen). No other character needs care, so $, `, \, newlines and emoji pass through.
 */
export function shellQuote(value: string): string {
	return `'${value.replaceAll("'", `'\\''`)}'`;
}
