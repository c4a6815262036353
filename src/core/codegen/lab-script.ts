/**
 * "Run this lab": a TypeScript script for Node and the `openai` package that posts every cell of a
 * lab's grid (the bodies core/lab/plan.ts builds, as the app would send them), checks each answer
 * with the lab's assertions and prints a summary per column. JSON Schema checks use the validator
 * the app uses (@cfworker/json-schema, draft-07, every error collected) with the assertion's
 * schema (the one given, or the request's `response_format` schema the form filled in). The key
 * comes from the environment, never from the app. JSON is valid JavaScript (ES2019), so the data is embedded as JSON.
 */
import type { Assertion } from '../lab/assertions';
import type { CellBody } from '../lab/plan';
import { quote, toJs } from './literal';

export type LabScriptInput = {
	baseUrl: string;
	columns: readonly string[];
	/** Row and column are 0-based; a cell whose row lacks a value carries the reason instead. */
	cells: readonly { row: number; column: number; body: CellBody }[];
	assertions: readonly Assertion[];
	concurrency: number;
};

const RUNTIME = `type Assertion = { kind: string; [field: string]: unknown };
type Result = { status: 'done' | 'error' | 'cancelled'; text: string; latencyMs: number; costUsd: number | null; message?: string };
type Verdict = { pass: boolean; reason: string };

let paymentRequired: string | null = null;

async function runCell(cell: Cell): Promise<Result> {
	if (!cell.body) return { status: 'error', text: '', latencyMs: 0, costUsd: null, message: cell.problem };
	const started = Date.now();
	let text = '';
	let costUsd: number | null = null;
	try {
		// eslint-disable-next-line @typescript-eslint/no-explicit-any -- OpenRouter fields beyond the SDK's types
		const answer: any = await client.chat.completions.create(cell.body as never);
		if (cell.body.stream === true) {
			for await (const chunk of answer) {
				text += chunk.choices?.[0]?.delta?.content ?? '';
				if (typeof chunk.usage?.cost === 'number') costUsd = chunk.usage.cost;
			}
		} else {
			text = answer.choices?.[0]?.message?.content ?? '';
			if (typeof answer.usage?.cost === 'number') costUsd = answer.usage.cost;
		}
		return { status: 'done', text, latencyMs: Date.now() - started, costUsd };
	} catch (error) {
		// HTTP errors and mid-stream error chunks both arrive as OpenAI.APIError.
		if (error instanceof OpenAI.APIError && error.status === 402) paymentRequired = error.message;
		const message = error instanceof Error ? error.message : String(error);
		return { status: 'error', text, latencyMs: Date.now() - started, costUsd, message };
	}
}

function readJson(text: string): { value: unknown } | null {
	const fenced = /^\\s*\`\`\`(?:json)?\\s*\\n([\\s\\S]*?)\\n\\s*\`\`\`\\s*$/.exec(text);
	try {
		return { value: JSON.parse(fenced ? (fenced[1] ?? '') : text) };
	} catch {
		return null;
	}
}

function canonical(value: unknown): string {
	if (Array.isArray(value)) return \`[\${value.map(canonical).join(',')}]\`;
	if (value && typeof value === 'object')
		return \`{\${Object.keys(value).sort().map((k) => \`\${JSON.stringify(k)}:\${canonical((value as Record<string, unknown>)[k])}\`).join(',')}}\`;
	return JSON.stringify(value);
}

function atPointer(root: unknown, pointer: string): { found: boolean; value?: unknown } {
	if (pointer === '') return { found: true, value: root };
	let value = root;
	for (const raw of pointer.split('/').slice(1)) {
		const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
		if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return { found: false };
		value = (value as Record<string, unknown>)[key];
	}
	return { found: true, value };
}

const validators = new Map<unknown, Validator | string>();
function checkSchema(schema: unknown, r: Result): Verdict {
	let validator = validators.get(schema);
	if (validator === undefined) {
		try {
			validator = new Validator(schema as Schema | boolean, '7', false);
		} catch (error) {
			validator = error instanceof Error ? error.message : String(error);
		}
		validators.set(schema, validator);
	}
	if (typeof validator === 'string') return { pass: false, reason: \`invalid schema: \${validator}\` };
	const json = readJson(r.text);
	if (!json) return { pass: false, reason: 'not valid JSON' };
	const { valid, errors } = validator.validate(json.value);
	// The deepest error says what is wrong; the ones above it only that something below failed.
	const first = errors.at(-1);
	return valid || !first
		? { pass: true, reason: 'matches the schema' }
		: { pass: false, reason: \`does not match the schema: \${first.instanceLocation.replace(/^#/, '') || '(root)'} \${first.error}\` };
}

/** One check on one answer; null for a kind this script does not know. */
function check(a: Assertion, r: Result): Verdict | null {
	const verdict = (pass: boolean, reason: string) => ({ pass, reason });
	const fold = (s: string) => (a.ignoreCase ? s.toLowerCase() : s);
	const value = String(a.value ?? '');
	switch (a.kind) {
		case 'contains':
			return verdict(fold(r.text).includes(fold(value)), \`contains \${JSON.stringify(value)}\`);
		case 'not-contains':
			return verdict(!fold(r.text).includes(fold(value)), \`does not contain \${JSON.stringify(value)}\`);
		case 'equals':
			return verdict(fold(r.text.trim()) === fold(value.trim()), \`equals \${JSON.stringify(value)}\`);
		case 'regex':
			return verdict(new RegExp(String(a.pattern), String(a.flags ?? '')).test(r.text), \`matches /\${String(a.pattern)}/\`);
		case 'valid-json':
			return verdict(readJson(r.text) !== null, 'valid JSON');
		case 'json-pointer': {
			const json = readJson(r.text);
			const at = json ? atPointer(json.value, String(a.pointer)) : { found: false };
			return verdict(at.found && canonical(at.value) === canonical(a.expected), \`\${String(a.pointer) || '(root)'} is \${JSON.stringify(a.expected)}\`);
		}
		case 'max-latency':
			return verdict(r.latencyMs <= Number(a.ms), \`latency \${r.latencyMs} ms ≤ \${Number(a.ms)} ms\`);
		case 'max-cost':
			return verdict(r.costUsd !== null && r.costUsd <= Number(a.usd), \`cost \${r.costUsd ?? 'unknown'} ≤ \${Number(a.usd)}\`);
		case 'json-schema':
			return checkSchema(a.schema, r);
	}
	return null;
}

const results: Result[] = new Array(CELLS.length);
let next = 0;
async function worker() {
	while (next < CELLS.length && paymentRequired === null) {
		const i = next++;
		results[i] = await runCell(CELLS[i]!);
	}
}
await Promise.all(Array.from({ length: CONCURRENCY }, worker));

const rows = COLUMNS.map((label) => ({ label, done: 0, failed: 0, passed: 0, checked: 0, costUsd: 0 }));
let failing = 0;
for (const [i, cell] of CELLS.entries()) {
	const result = results[i] ?? { status: 'cancelled', text: '', latencyMs: 0, costUsd: null };
	const row = rows[cell.column]!;
	const verdicts = result.status === 'done' ? ASSERTIONS.map((a) => check(a, result)) : [];
	const ran = verdicts.filter((v): v is Verdict => v !== null);
	const pass = result.status === 'done' && ran.every((v) => v.pass);
	if (result.status === 'done') row.done++;
	if (result.status === 'error') row.failed++;
	if (result.status !== 'cancelled') row.checked++;
	if (pass) row.passed++;
	else failing++;
	row.costUsd += result.costUsd ?? 0;
	const why = result.status === 'done' ? ran.filter((v) => !v.pass).map((v) => \`✗ \${v.reason}\`).join('; ') : (result.message ?? '');
	console.log(\`case \${cell.row + 1} × column \${cell.column + 1}: \${result.status}\${result.status === 'done' ? (pass ? ', pass' : ', fail') : ''}\${why ? \` (\${why})\` : ''}\`);
}
if (paymentRequired) console.log(\`\\nstopped: 402 \${paymentRequired}\`);
console.log('');
const table = [['column', 'done', 'failed', 'pass', 'cost (USD)'], ...rows.map((r, i) => [\`\${i + 1}. \${r.label}\`, \`\${r.done}/\${CELLS.filter((c) => c.column === i).length}\`, String(r.failed), \`\${r.passed}/\${r.checked}\`, r.costUsd.toFixed(6)])];
const widths = table[0]!.map((_, j) => Math.max(...table.map((line) => line[j]!.length)));
for (const line of table) console.log(line.map((cell, j) => cell.padEnd(widths[j]!)).join('  ').trimEnd());
process.exitCode = failing > 0 ? 1 : 0;
`;

export function generateLabScript(input: LabScriptInput): string {
	const cells = input.cells.map((c) =>
		c.body.ok
			? { row: c.row, column: c.column, body: c.body.body }
			: { row: c.row, column: c.column, body: null, problem: c.body.reason },
	);
	return `// The prompt lab's grid, run from Node: every cell, the same checks, a summary per column.
// npm install openai @cfworker/json-schema; then: OPENROUTER_API_KEY=... npx tsx run-lab.ts
import { Validator, type Schema } from '@cfworker/json-schema';
import OpenAI from 'openai';

const client = new OpenAI({
	baseURL: ${quote(input.baseUrl)},
	apiKey: process.env.OPENROUTER_API_KEY,
	// The SDK retries a 429 (and a 5xx) itself, waiting as the answer's Retry-After asks.
	maxRetries: 4,
});
const CONCURRENCY = ${Math.max(1, Math.floor(input.concurrency))};
const COLUMNS: string[] = ${toJs(input.columns)};
type Cell = { row: number; column: number; body: Record<string, unknown> | null; problem?: string };
const CELLS: Cell[] = ${toJs(cells)};
const ASSERTIONS: Assertion[] = ${toJs(input.assertions)};

${RUNTIME}`;
}
