/**
 * The copy of a schema the validator reads. A copy, because the validator marks the objects it
 * indexes and the request's own schema objects must stay as they were; and a cleaned one: a
 * `pattern` this engine cannot compile is left out rather than held against the value (or thrown).
 * For a partial (still streaming) value the copy is also opened: the keywords that more text
 * could still satisfy are taken out — `required`, the minimums, `pattern` (a string may be cut
 * short), `contains` and dependency lists — and `oneOf` is read as `anyOf` (while the value is
 * open, it may fit several branches). What is left can only fail for good.
 */
type Node = Record<string, unknown>;

const OPEN_ONLY = new Set([
	'required',
	'minLength',
	'minItems',
	'minProperties',
	'minContains',
	'pattern',
	'contains',
	'dependentRequired',
]);
/** Keywords whose value is one schema, a list of schemas, or a map of names to schemas. */
const ONE = new Set([
	'additionalItems',
	'unevaluatedItems',
	'items',
	'contains',
	'additionalProperties',
	'unevaluatedProperties',
	'propertyNames',
	'not',
	'if',
	'then',
	'else',
]);
const LIST = new Set(['prefixItems', 'items', 'allOf', 'anyOf', 'oneOf']);
const MAP = new Set(['$defs', 'definitions', 'properties', 'dependentSchemas']);

const isNode = (value: unknown): value is Node =>
	typeof value === 'object' && value !== null && !Array.isArray(value);
/** A plain deep copy (the request body may be a reactive proxy, which structuredClone refuses). */
const copy = (value: unknown): unknown =>
	value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as unknown);

const compiles = (pattern: unknown) => {
	try {
		new RegExp(String(pattern), 'u');
		return true;
	} catch {
		return false;
	}
};

/** A copy of `schema` for the validator, opened for a partial value when `partial` is set. */
export function copySchema(schema: unknown, partial: boolean): unknown {
	const plain = copy(schema);
	clean(plain, partial);
	return plain;
}

function clean(schema: unknown, partial: boolean): void {
	if (!isNode(schema)) return;
	const down = (sub: unknown) => clean(sub, partial);
	for (const key of Object.keys(schema)) {
		const value = schema[key];
		if (partial && OPEN_ONLY.has(key)) delete schema[key];
		else if (key === 'pattern' && !compiles(value)) delete schema[key];
		else if (key === 'patternProperties' && isNode(value)) {
			for (const [pattern, sub] of Object.entries(value))
				if (compiles(pattern)) down(sub);
				else delete value[pattern];
		} else if (key === 'dependencies' && isNode(value)) {
			// The list form names properties that must come too: like `required`, not yet.
			for (const [name, sub] of Object.entries(value))
				if (partial && Array.isArray(sub)) delete value[name];
				else down(sub);
		} else if (LIST.has(key) && Array.isArray(value)) value.forEach(down);
		else if (ONE.has(key)) down(value);
		else if (MAP.has(key) && isNode(value)) Object.values(value).forEach(down);
	}
	if (partial && Array.isArray(schema.oneOf)) {
		if (Array.isArray(schema.anyOf))
			schema.allOf = [
				...(Array.isArray(schema.allOf) ? schema.allOf : []),
				{ anyOf: schema.oneOf },
			];
		else schema.anyOf = schema.oneOf;
		delete schema.oneOf;
	}
}
