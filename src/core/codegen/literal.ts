/**
 * Values as source code. JSON is already valid JavaScript (ES2019 allows U+2028/2029 in strings),
 * so TypeScript gets JSON; Python needs True/False/None, and its strings accept every escape that
 * JSON.stringify produces (\" \\ \b \f \n \r \t \uXXXX).
 */
export function indentAfterFirstLine(text: string, indent: string): string {
	return text.replaceAll('\n', `\n${indent}`);
}

export function toJs(value: unknown, indent = ''): string {
	return indentAfterFirstLine(JSON.stringify(value, null, 2), indent);
}

const PY_KEY_INDENT = '    ';

export function toPython(value: unknown, indent = ''): string {
	const inner = indent + PY_KEY_INDENT;
	if (value === null || value === undefined) return 'None';
	if (value === true) return 'True';
	if (value === false) return 'False';
	if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : 'None';
	if (typeof value === 'string') return JSON.stringify(value);
	if (Array.isArray(value)) {
		if (value.length === 0) return '[]';
		return `[\n${value.map((item) => `${inner}${toPython(item, inner)}`).join(',\n')},\n${indent}]`;
	}
	const entries = Object.entries(value as Record<string, unknown>).filter(
		([, v]) => v !== undefined,
	);
	if (entries.length === 0) return '{}';
	return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${toPython(v, inner)}`).join(',\n')},\n${indent}}`;
}

/** A quoted string for either language: JSON string syntax is valid in both. */
export const quote = (text: string): string => JSON.stringify(text);
