/**
 * The editor's hover text for a request field: its type, range, default and description, as
 * markdown, put into the schema the editor gets (`markdownDescription`, which the JSON language
 * service shows instead of `description`). The schema used for checks is left as it is.
 */
import type { JsonSchema } from './schema-parts';

const MARKDOWN_SPECIAL = /[\\`*_[\]<>|#]/g;
const escape = (text: string) => text.replace(MARKDOWN_SPECIAL, (c) => `\\${c}`);
const literal = (value: unknown) => `\`${JSON.stringify(value)}\``;

function typeOf(node: JsonSchema): string | null {
	if (Array.isArray(node.enum)) return `one of ${node.enum.map(literal).join(', ')}`;
	if ('const' in node) return literal(node.const);
	// Plain type names, bold: the values above are code spans.
	const types = (Array.isArray(node.type) ? node.type : [node.type]).filter(
		(t): t is string => typeof t === 'string' && t !== 'null',
	);
	return types.length > 0 ? `**${types.join(' or ')}**` : null;
}

function rangeOf(node: JsonSchema): string | null {
	const min = typeof node.minimum === 'number' ? node.minimum : null;
	const max = typeof node.maximum === 'number' ? node.maximum : null;
	if (min !== null && max !== null) return `${min} to ${max}`;
	if (min !== null) return `≥ ${min}`;
	if (max !== null) return `≤ ${max}`;
	return null;
}

/**
 * One hover: the type line (`number · 0 to 2 · default 1`), then the description. Without a
 * default in the schema, the value omitted is the provider's own (OpenRouter injects none).
 */
export function hoverMarkdown(node: JsonSchema): string | null {
	const description = typeof node.description === 'string' ? node.description : null;
	const type = typeOf(node);
	if (!description && !type) return null;
	const fallback =
		'default' in node
			? `default ${literal(node.default)}`
			: 'default: the provider’s, when omitted';
	const head = [type, rangeOf(node), fallback].filter((f): f is string => f !== null).join(' · ');
	return description ? `${head}\n\n${escape(description)}` : head;
}

const CHILDREN = ['properties', 'patternProperties', 'definitions', '$defs'] as const;
const LISTS = ['anyOf', 'oneOf', 'allOf'] as const;

/** A copy of `schema` where every property with a description or type carries its hover text. */
export function withHoverDocs(schema: JsonSchema): JsonSchema {
	const visit = (node: unknown, isProperty: boolean): unknown => {
		if (Array.isArray(node)) return node.map((n) => visit(n, false));
		if (typeof node !== 'object' || node === null) return node;
		const copy: JsonSchema = { ...(node as JsonSchema) };
		for (const key of CHILDREN) {
			const children = copy[key];
			if (typeof children !== 'object' || children === null) continue;
			const mapped: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
			for (const [name, child] of Object.entries(children)) mapped[name] = visit(child, true);
			copy[key] = { ...mapped };
		}
		for (const key of LISTS) if (Array.isArray(copy[key])) copy[key] = visit(copy[key], false);
		if (copy.items !== undefined) copy.items = visit(copy.items, false);
		if (typeof copy.additionalProperties === 'object')
			copy.additionalProperties = visit(copy.additionalProperties, false);
		if (isProperty) {
			const text = hoverMarkdown(copy);
			if (text) copy.markdownDescription = text;
		}
		return copy;
	};
	return visit(schema, false) as JsonSchema;
}
