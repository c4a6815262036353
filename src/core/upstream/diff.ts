/**
 * What OpenRouter changed on the way to the provider: the request as sent against the body echoed
 * by `debug.echo_upstream_body` (docs/openrouter-protocol.md#debug-echo). A structural diff of the
 * top-level fields, with the two rewrites that matter most told apart: tools in another shape, and
 * prompts injected or moved.
 */
export const CHANGE_KINDS = [
	{ kind: 'dropped', label: 'Dropped' },
	{ kind: 'renamed', label: 'Renamed' },
	{ kind: 'changed', label: 'Changed' },
	{ kind: 'added', label: 'Added' },
	{ kind: 'tools-rewritten', label: 'Tools rewritten' },
	{ kind: 'prompt-injected', label: 'Prompt injected' },
	{ kind: 'prompt-moved', label: 'Prompt moved' },
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number]['kind'];

export type UpstreamChange = {
	kind: ChangeKind;
	/** The field, e.g. `top_k`, `max_tokens → max_completion_tokens`, `messages[0]`. */
	path: string;
	before?: unknown;
	after?: unknown;
	note?: string;
};

/**
 * Fields OpenRouter reads itself (docs/openrouter-protocol.md#debug-echo); their absence upstream
 * is expected.
 */
const ROUTER_FIELDS: Record<string, string> = {
	debug: 'read by OpenRouter',
	provider: 'routing preferences, read by OpenRouter',
	models: 'fallback list, read by OpenRouter',
	route: 'read by OpenRouter',
	plugins: 'run by OpenRouter',
	transforms: 'run by OpenRouter',
	usage: 'deprecated, no effect',
	session_id: 'read by OpenRouter',
	trace: 'read by OpenRouter',
	metadata: 'read by OpenRouter',
	preset: 'applied by OpenRouter',
};

type Json = Record<string, unknown>;
type Message = { role?: unknown; content?: unknown };

/** Deep equality for JSON values; key order does not matter. */
export function sameJson(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
	if (Array.isArray(a) !== Array.isArray(b)) return false;
	if (Array.isArray(a) && Array.isArray(b))
		return a.length === b.length && a.every((item, i) => sameJson(item, b[i]));
	const ak = Object.keys(a as Json).filter((k) => (a as Json)[k] !== undefined);
	const bk = Object.keys(b as Json).filter((k) => (b as Json)[k] !== undefined);
	return ak.length === bk.length && ak.every((k) => sameJson((a as Json)[k], (b as Json)[k]));
}

const textOf = (content: unknown): string =>
	typeof content === 'string'
		? content
		: Array.isArray(content)
			? content.map((part) => (part as { text?: unknown })?.text ?? '').join('')
			: JSON.stringify(content ?? '');

/** Messages: those upstream that were never sent are injected; sent ones missing may have moved. */
function diffMessages(sent: unknown, upstream: Json, changes: UpstreamChange[]): void {
	const before = (Array.isArray(sent) ? sent : []) as Message[];
	const after = (Array.isArray(upstream.messages) ? upstream.messages : []) as Message[];
	const system = Array.isArray(upstream.system)
		? upstream.system.map(textOf).join('\n')
		: typeof upstream.system === 'string'
			? upstream.system
			: '';
	after.forEach((message, i) => {
		if (!before.some((m) => sameJson(m, message)))
			changes.push({ kind: 'prompt-injected', path: `messages[${i}]`, after: message });
	});
	before.forEach((message, i) => {
		if (after.some((m) => sameJson(m, message))) return;
		if (system && system.includes(textOf(message.content)))
			changes.push({
				kind: 'prompt-moved',
				path: `messages[${i}] → system`,
				before: message,
				after: upstream.system,
				note: 'the provider takes the system prompt as its own field',
			});
		else changes.push({ kind: 'dropped', path: `messages[${i}]`, before: message });
	});
}

export function diffUpstream(sent: Json, upstream: Json): UpstreamChange[] {
	const changes: UpstreamChange[] = [];
	const fresh = Object.keys(upstream).filter(
		(k) => !(k in sent) && upstream[k] !== undefined && k !== 'system',
	);
	const renamedTo = new Set<string>();
	for (const [name, value] of Object.entries(sent)) {
		if (value === undefined) continue;
		if (name === 'messages') {
			diffMessages(value, upstream, changes);
			continue;
		}
		if (name in upstream) {
			if (sameJson(value, upstream[name])) continue;
			const kind = name === 'tools' ? 'tools-rewritten' : 'changed';
			changes.push({ kind, path: name, before: value, after: upstream[name] });
			continue;
		}
		const target = fresh.find((k) => !renamedTo.has(k) && sameJson(upstream[k], value));
		if (target && !(name in ROUTER_FIELDS)) {
			renamedTo.add(target);
			changes.push({ kind: 'renamed', path: `${name} → ${target}`, before: value, after: value });
			continue;
		}
		const note = ROUTER_FIELDS[name] ?? 'not supported by this provider, or not forwarded';
		changes.push({ kind: 'dropped', path: name, before: value, note });
	}
	for (const name of fresh)
		if (!renamedTo.has(name)) changes.push({ kind: 'added', path: name, after: upstream[name] });
	if ('system' in upstream && !changes.some((c) => c.kind === 'prompt-moved'))
		changes.push({ kind: 'prompt-injected', path: 'system', after: upstream.system });
	return changes;
}

export { readEcho, type UpstreamEcho } from './echo';
