/**
 * A guard run before any JSON Schema from a request (a share link, a file, the editor) is used to
 * validate: a validator follows `$ref` blindly, so `{"$ref": "#"}` recurses without end and a bad
 * `%` escape in a pointer throws. This walks the schema once, bounded in depth and size, resolves
 * every local `$ref` itself and looks for cycles among the keywords that apply another schema to
 * the same value ($ref, allOf, anyOf, oneOf, not, if/then/else, dependencies) — a recursive schema
 * is fine as long as each round goes one level down into the value, which bounds it.
 */
export type RefProblem = { pointer: string; message: string };

/** Deeper than any schema a person writes; the walk below recurses once per level. */
export const MAX_SCHEMA_DEPTH = 100;
/** Sub-schemas visited at most; beyond this the schema is refused rather than walked. */
export const MAX_SCHEMA_NODES = 20_000;

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** Keywords whose schemas apply to the same value as the schema holding them. */
const IN_PLACE_LISTS = ['allOf', 'anyOf', 'oneOf'] as const;
const IN_PLACE_ONE = ['not', 'if', 'then', 'else'] as const;

const escapeToken = (token: string) => token.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * The schema a local `$ref` points to; `undefined` when the pointer leads nowhere. Throws a
 * message when the reference cannot be read (a bad `%` escape, an unknown `~` escape).
 */
export function resolveLocalRef(root: unknown, ref: string): unknown {
	let pointer: string;
	try {
		pointer = decodeURIComponent(ref.slice(1));
	} catch {
		throw new Error(`"$ref": ${JSON.stringify(ref)} has a bad % escape`);
	}
	if (pointer === '') return root;
	if (!pointer.startsWith('/'))
		throw new Error(`"$ref": ${JSON.stringify(ref)} is not a JSON Pointer`);
	let node: unknown = root;
	for (const raw of pointer.slice(1).split('/')) {
		if (/~[^01]|~$/.test(raw)) throw new Error(`"$ref": ${JSON.stringify(ref)} has a bad ~ escape`);
		const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
		if (Array.isArray(node)) node = /^(0|[1-9]\d*)$/.test(token) ? node[Number(token)] : undefined;
		else if (isNode(node) && Object.hasOwn(node, token)) node = node[token];
		else return undefined;
	}
	return node;
}

/** The first reason `schema` cannot be used safely, or null. */
export function findRefProblem(schema: unknown): RefProblem | null {
	const inPlace = new Map<Node, Node[]>();
	const pointers = new Map<Node, string>();
	let visited = 0;

	function walk(node: unknown, pointer: string, depth: number): RefProblem | null {
		if (Array.isArray(node)) {
			for (let i = 0; i < node.length; i++) {
				const problem = walk(node[i], `${pointer}/${i}`, depth + 1);
				if (problem) return problem;
			}
			return null;
		}
		if (!isNode(node)) return null;
		if (depth > MAX_SCHEMA_DEPTH)
			return { pointer, message: `the schema is nested more than ${MAX_SCHEMA_DEPTH} levels deep` };
		if (++visited > MAX_SCHEMA_NODES)
			return { pointer, message: `the schema has more than ${MAX_SCHEMA_NODES} parts` };
		pointers.set(node, pointer);
		const next: Node[] = [];
		if (typeof node.$ref === 'string' && node.$ref.startsWith('#')) {
			let target: unknown;
			try {
				target = resolveLocalRef(schema, node.$ref);
			} catch (error) {
				return { pointer, message: (error as Error).message };
			}
			if (isNode(target)) next.push(target);
		}
		for (const key of IN_PLACE_LISTS) {
			const list = node[key];
			if (Array.isArray(list)) for (const sub of list) if (isNode(sub)) next.push(sub);
		}
		for (const key of IN_PLACE_ONE) if (isNode(node[key])) next.push(node[key] as Node);
		if (isNode(node.dependencies))
			for (const sub of Object.values(node.dependencies)) if (isNode(sub)) next.push(sub);
		inPlace.set(node, next);
		// Every member is walked, values under `enum` or `const` too: a `$ref` may point into them.
		for (const [key, child] of Object.entries(node)) {
			const problem = walk(child, `${pointer}/${escapeToken(key)}`, depth + 1);
			if (problem) return problem;
		}
		return null;
	}

	const shape = walk(schema, '#', 0);
	if (shape) return shape;
	return findCycle(inPlace, pointers);
}

/** Depth-first search over the in-place edges; a back edge is a cycle that never ends. */
function findCycle(edges: Map<Node, Node[]>, pointers: Map<Node, string>): RefProblem | null {
	const state = new Map<Node, 'open' | 'done'>();
	for (const start of edges.keys()) {
		if (state.has(start)) continue;
		// An explicit stack: a long chain of references must not overflow the call stack.
		const stack: [Node, number][] = [[start, 0]];
		state.set(start, 'open');
		while (stack.length > 0) {
			const top = stack[stack.length - 1] as [Node, number];
			const [node, index] = top;
			const next = edges.get(node)?.[index];
			if (next === undefined) {
				state.set(node, 'done');
				stack.pop();
				continue;
			}
			top[1] = index + 1;
			const seen = state.get(next);
			if (seen === 'open')
				return {
					pointer: pointers.get(node) ?? '#',
					message: `${pointers.get(node) ?? '#'} refers back to ${pointers.get(next) ?? '#'} without going into the value, so checking would never end`,
				};
			if (seen === undefined && edges.has(next)) {
				state.set(next, 'open');
				stack.push([next, 0]);
			}
		}
	}
	return null;
}
