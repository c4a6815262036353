import { parameterSchema, type JsonSchema } from '../../core/request/schema';

/** Number bounds and help text for a field, read from the request schema (one source of truth). */
export function numberSpec(schema: JsonSchema | undefined): {
	min: number | undefined;
	max: number | undefined;
	integer: boolean;
	help: string;
} {
	const type = schema?.type;
	const types = Array.isArray(type) ? type : [type];
	return {
		min: typeof schema?.minimum === 'number' ? schema.minimum : undefined,
		max: typeof schema?.maximum === 'number' ? schema.maximum : undefined,
		integer: types.includes('integer'),
		help: typeof schema?.description === 'string' ? schema.description : '',
	};
}

export const topLevel = (name: string) => parameterSchema(name);

/** Enum values of a schema (or of the first enum inside anyOf), nulls left out. */
export function enumOf(schema: JsonSchema | undefined): string[] {
	const direct = schema?.enum;
	if (Array.isArray(direct)) return direct.filter((v): v is string => typeof v === 'string');
	const any = Array.isArray(schema?.anyOf) ? (schema.anyOf as JsonSchema[]) : [];
	return any.flatMap((s) => enumOf(s));
}

/** Comma- or line-separated ids → list; empty → undefined (the field is removed). */
export function listFromText(text: string): string[] | undefined {
	const items = text
		.split(/[\n,]/)
		.map((s) => s.trim())
		.filter(Boolean);
	return items.length > 0 ? items : undefined;
}

export const textFromList = (value: unknown): string =>
	Array.isArray(value) ? value.filter((v) => typeof v === 'string').join(', ') : '';

/** Stop sequences, one per line, where `\n` and `\t` stand for a line break and a tab. */
export function sequencesFromText(text: string): string[] | undefined {
	const items = text
		.split('\n')
		.filter((line) => line !== '')
		.map((line) => line.replaceAll('\\n', '\n').replaceAll('\\t', '\t'));
	return items.length > 0 ? items : undefined;
}

export function textFromSequences(value: unknown): string {
	const list = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
	return list
		.filter((v): v is string => typeof v === 'string')
		.map((v) => v.replaceAll('\n', '\\n').replaceAll('\t', '\\t'))
		.join('\n');
}
