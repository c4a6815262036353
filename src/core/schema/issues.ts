/**
 * The validator's output units turned into the issues the app shows: one per failed keyword at the
 * value's path, worded from the schema itself ("must be one of …", "is required"), without the
 * summaries a validator adds on every level above ("Property x does not match schema"). When no
 * branch of an anyOf/oneOf fits, the issues of the closest branch of the right type are shown, as
 * a person reading the schema would look for them, else one summary line.
 */
import type { OutputUnit } from '@cfworker/json-schema';
import { resolveLocalRef } from './refs';

export type Path = (string | number)[];
/** One failed keyword at `path` (keys and indexes), with a message that reads after the path. */
export type Issue = { path: Path; keyword: string; message: string };

type Ctx = { schema: unknown; value: unknown };

/** Keywords whose unit only says that something below failed; the units below say what. */
const SUMMARIES = new Set([
	'$ref',
	'properties',
	'patternProperties',
	'additionalProperties',
	'items',
	'prefixItems',
	'additionalItems',
	'allOf',
	'propertyNames',
	'dependentSchemas',
	'then',
	'else',
]);

const isNode = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);
const show = (value: unknown) => JSON.stringify(value);
const parentOf = (location: string) => location.slice(0, location.lastIndexOf('/'));
const lastOf = (location: string) => location.slice(location.lastIndexOf('/') + 1);

/** The tokens of a `#/a/b` location as the validator writes it (URI- and ~-escaped). */
function tokensOf(location: string): string[] {
	const pointer = location.replace(/^#/, '');
	if (pointer === '') return [];
	return pointer
		.slice(1)
		.split('/')
		.map((t) => decodeURIComponent(t).replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The schema node at a keyword location, following `$ref` where the location went through one. */
function schemaAt(root: unknown, location: string): unknown {
	let node: unknown = root;
	for (const token of tokensOf(location)) {
		if (token === '$ref' && isNode(node) && typeof node.$ref === 'string') {
			node = node.$ref.startsWith('#') ? resolveLocalRef(root, node.$ref) : undefined;
		} else if (Array.isArray(node)) node = node[Number(token)];
		else if (isNode(node) && Object.hasOwn(node, token)) node = node[token];
		else return undefined;
	}
	return node;
}

/** The path of an instance location, with array indexes as numbers. */
function pathOf(value: unknown, location: string): Path {
	const path: Path = [];
	let node = value;
	for (const token of tokensOf(location)) {
		if (Array.isArray(node)) {
			path.push(Number(token));
			node = node[Number(token)];
		} else {
			path.push(token);
			node = isNode(node) ? node[token] : undefined;
		}
	}
	return path;
}

function typeOf(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'array';
	if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
	return typeof value;
}

function valueAt(value: unknown, path: Path): unknown {
	let node = value;
	for (const key of path)
		node = Array.isArray(node) || isNode(node) ? (node as Record<string, unknown>)[key] : undefined;
	return node;
}

/** The words for one failed keyword whose value in the schema is `k`; null: the validator's. */
function describe(keyword: string, k: unknown, value: unknown): string | null {
	switch (keyword) {
		case 'type': {
			const types = (Array.isArray(k) ? k : [k]).map(String);
			return `must be ${types.join(' or ')}, not ${typeOf(value)}`;
		}
		case 'enum':
			return Array.isArray(k) ? `must be one of ${k.map(show).join(', ')}` : null;
		case 'const':
			return `must be ${show(k)}`;
		case 'minimum':
			return `must be ≥ ${show(k)}`;
		case 'maximum':
			return `must be ≤ ${show(k)}`;
		case 'exclusiveMinimum':
			return `must be > ${show(k)}`;
		case 'exclusiveMaximum':
			return `must be < ${show(k)}`;
		case 'multipleOf':
			return `must be a multiple of ${show(k)}`;
		case 'minLength':
			return `must be at least ${show(k)} characters`;
		case 'maxLength':
			return `must be at most ${show(k)} characters`;
		case 'pattern':
			return `must match ${String(k)}`;
		case 'minItems':
			return `needs at least ${show(k)} item(s)`;
		case 'maxItems':
			return `takes at most ${show(k)} items`;
		case 'uniqueItems':
			return 'must not repeat items';
		case 'minProperties':
			return `must have at least ${show(k)} properties`;
		case 'maxProperties':
			return `takes at most ${show(k)} entries`;
		case 'not':
			return 'must not match the schema under "not"';
		default:
			return null;
	}
}

/** The issues of a validator's units (in its order: a summary before the units below it). */
export function issuesOf(units: OutputUnit[], schema: unknown, value: unknown): Issue[] {
	return collect(units, { schema, value });
}

function collect(units: OutputUnit[], ctx: Ctx): Issue[] {
	// A value of the wrong type fails only on `type`: the other keywords of that schema are noise.
	const mistyped = new Set(
		units
			.filter((u) => u.keyword === 'type')
			.map((u) => `${u.instanceLocation}|${parentOf(u.keywordLocation)}`),
	);
	const out: Issue[] = [];
	for (let i = 0; i < units.length; i++) {
		const unit = units[i] as OutputUnit;
		if (unit.keyword === 'anyOf' || unit.keyword === 'oneOf') {
			const prefix = `${unit.keywordLocation}/`;
			let end = i + 1;
			while (end < units.length && (units[end] as OutputUnit).keywordLocation.startsWith(prefix))
				end++;
			out.push(...combine(unit, units.slice(i + 1, end), ctx));
			i = end - 1;
			continue;
		}
		if (SUMMARIES.has(unit.keyword)) continue;
		const at = `${unit.instanceLocation}|${parentOf(unit.keywordLocation)}`;
		if (unit.keyword !== 'type' && mistyped.has(at)) continue;
		out.push(issueOf(unit, units[i - 1], ctx));
	}
	return out;
}

function issueOf(unit: OutputUnit, before: OutputUnit | undefined, ctx: Ctx): Issue {
	const path = pathOf(ctx.value, unit.instanceLocation);
	if (unit.keyword === 'required') {
		const key = /property "(.*)"\.$/s.exec(unit.error)?.[1] ?? '';
		return { path: [...path, key], keyword: 'required', message: 'is required' };
	}
	if (unit.keyword === 'false') {
		// The validator reports `additionalProperties: false` as the summary, then a false schema.
		const extra =
			before?.keyword === 'additionalProperties' &&
			parentOf(unit.instanceLocation) === before.instanceLocation;
		return extra
			? { path, keyword: 'additionalProperties', message: 'is not an allowed property' }
			: { path, keyword: 'false', message: 'is not allowed here' };
	}
	const parent = schemaAt(ctx.schema, parentOf(unit.keywordLocation));
	const k = isNode(parent) ? parent[lastOf(unit.keywordLocation)] : undefined;
	const words = describe(unit.keyword, k, valueAt(ctx.value, path));
	return { path, keyword: unit.keyword, message: words ?? unit.error };
}

function combine(unit: OutputUnit, inner: OutputUnit[], ctx: Ctx): Issue[] {
	const path = pathOf(ctx.value, unit.instanceLocation);
	const matches = /\((\d+) matches\)/.exec(unit.error)?.[1];
	if (unit.keyword === 'oneOf' && Number(matches) > 1)
		return [{ path, keyword: 'oneOf', message: 'matches more than one allowed shape' }];
	const prefix = `${unit.keywordLocation}/`;
	const branches = new Map<string, OutputUnit[]>();
	for (const u of inner) {
		const branch = u.keywordLocation.slice(prefix.length).split('/')[0] ?? '';
		branches.set(branch, [...(branches.get(branch) ?? []), u]);
	}
	const tries = [...branches.values()].map((units) => collect(units, ctx));
	const sameLevel = (i: Issue) => i.path.length === path.length && i.keyword === 'type';
	const best = tries
		.filter((t) => t.length > 0 && !t.some(sameLevel))
		.sort((a, b) => a.length - b.length)[0];
	return (
		best ?? [
			{
				path,
				keyword: unit.keyword,
				message: `matches none of the allowed shapes (${unit.keyword})`,
			},
		]
	);
}
