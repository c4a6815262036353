/**
 * Checks before send, all warnings (the API decides, and ignores what a model cannot use): fields
 * the schema does not know, values out of range, parameters the chosen model does not list in
 * `supported_parameters` (docs/openrouter-protocol.md#models), attachments of a kind its
 * `input_modalities` lack (attachments.ts), and tool / response_format schemas
 * that are not JSON Schema or break strict-mode rules.
 */
import type { Model } from '../models/catalog';
import { checkAttachments } from './attachments';
import type { JsonPath } from './json';
import { KNOWN_PARAMETERS, REQUEST_SCHEMA } from './schema';
import { lintJsonSchema } from './schema-lint';
import { validate } from '../schema/validate';
import { PARAMETER_VOCABULARY } from './vocabulary';

export type CheckKind = 'unknown' | 'range' | 'unsupported' | 'schema' | 'conflict';
export type Check = { kind: CheckKind; path: JsonPath; message: string };

export { PARAMETER_VOCABULARY };

type Loose = Record<string, unknown>;
const obj = (v: unknown): Loose =>
	typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Loose) : {};
const label = (path: JsonPath) =>
	path
		.map((p) => (typeof p === 'number' ? `[${p}]` : p))
		.join('.')
		.replaceAll('.[', '[');

export function checkRequest(request: Loose, model?: Model): Check[] {
	return [
		...unknownFields(request),
		...rangeChecks(request),
		...(model ? unsupported(request, model) : []),
		...(model ? checkAttachments(request, model) : []),
		...schemaChecks(request),
		...conflicts(request, model),
	];
}

function unknownFields(request: Loose): Check[] {
	return Object.keys(request)
		.filter((k) => !KNOWN_PARAMETERS.includes(k))
		.map((k) => ({
			kind: 'unknown',
			path: [k],
			message: `"${k}" is not a documented parameter: it is sent as written and may be ignored`,
		}));
}

function rangeChecks(request: Loose): Check[] {
	// Messages are checked by the parser; nested tool/format schemas by lintJsonSchema below.
	const { messages: _messages, ...rest } = request;
	const issues = validate(rest, REQUEST_SCHEMA as Loose).filter(
		(i) => i.path.length > 0 && i.keyword !== 'required',
	);
	const seen = new Set<string>();
	return issues.flatMap((i) => {
		const key = label(i.path);
		if (seen.has(key)) return [];
		seen.add(key);
		return [{ kind: 'range' as const, path: i.path, message: `${key} ${i.message}` }];
	});
}

function unsupported(request: Loose, model: Model): Check[] {
	const supported = new Set(model.supportedParameters);
	if (supported.size === 0) return [];
	const strict = obj(request.provider).require_parameters === true;
	const used = PARAMETER_VOCABULARY.filter((p) => request[p] !== undefined && request[p] !== null);
	const format = obj(request.response_format).type;
	const wanted: string[] = [...used];
	if (format === 'json_schema' && !wanted.includes('structured_outputs'))
		wanted.push('structured_outputs');
	return wanted
		.filter((p) => !supported.has(p))
		.map((p) => ({
			kind: 'unsupported' as const,
			path: [p === 'structured_outputs' ? 'response_format' : p],
			message: strict
				? `${model.id} does not list "${p}": with provider.require_parameters the request will find no provider`
				: `${model.id} does not list "${p}": it will be ignored (add provider.require_parameters to fail instead)`,
		}));
}

function schemaChecks(request: Loose): Check[] {
	const checks: Check[] = [];
	const tools = Array.isArray(request.tools) ? request.tools : [];
	tools.forEach((tool, i) => {
		const fn = obj(obj(tool).function);
		if (fn.parameters === undefined) return;
		for (const p of lintJsonSchema(fn.parameters, fn.strict === true))
			checks.push({
				kind: 'schema',
				path: ['tools', i, 'function', 'parameters', ...p.path],
				message: `tools[${i}] (${String(fn.name ?? '?')}) parameters: ${p.message}`,
			});
	});
	const js = obj(obj(request.response_format).json_schema);
	if (js.schema !== undefined)
		for (const p of lintJsonSchema(js.schema, js.strict === true))
			checks.push({
				kind: 'schema',
				path: ['response_format', 'json_schema', 'schema', ...p.path],
				message: `response_format schema: ${p.message}`,
			});
	return checks;
}

function conflicts(request: Loose, model?: Model): Check[] {
	const out: Check[] = [];
	const add = (path: JsonPath, message: string) => out.push({ kind: 'conflict', path, message });
	const reasoning = obj(request.reasoning);
	if (request.top_logprobs !== undefined && request.logprobs !== true)
		add(['top_logprobs'], 'top_logprobs needs "logprobs": true');
	if (reasoning.effort !== undefined && reasoning.max_tokens !== undefined)
		add(['reasoning'], 'reasoning: give effort or max_tokens, not both');
	if (
		request.reasoning_effort !== undefined &&
		reasoning.effort !== undefined &&
		request.reasoning_effort !== reasoning.effort
	)
		add(['reasoning_effort'], 'reasoning_effort conflicts with reasoning.effort');
	const cap = typeof request.max_tokens === 'number' ? request.max_tokens : null;
	if (cap !== null && typeof reasoning.max_tokens === 'number' && reasoning.max_tokens >= cap)
		add(
			['reasoning', 'max_tokens'],
			'reasoning.max_tokens should be below max_tokens, or nothing is left for the answer',
		);
	if (model && cap !== null) {
		if (model.maxCompletionTokens !== null && cap > model.maxCompletionTokens)
			add(
				['max_tokens'],
				`max_tokens ${cap} is above ${model.id}'s output limit of ${model.maxCompletionTokens}`,
			);
		else if (model.contextLength !== null && cap > model.contextLength)
			add(
				['max_tokens'],
				`max_tokens ${cap} is above ${model.id}'s context of ${model.contextLength}`,
			);
	}
	const effort = reasoning.effort ?? request.reasoning_effort;
	const r = model?.reasoning;
	if (r && typeof effort === 'string') {
		if (effort === 'none' && r.mandatory)
			add(['reasoning', 'effort'], `${model!.id} always reasons: effort "none" is rejected`);
		else if (r.supportedEfforts && effort !== 'none' && !r.supportedEfforts.includes(effort))
			add(
				['reasoning', 'effort'],
				`${model!.id} supports effort ${r.supportedEfforts.join(', ')}, not "${effort}"`,
			);
	}
	if (
		Array.isArray(request.plugins) &&
		request.stream === true &&
		request.plugins.some((p) => obj(p).id === 'response-healing')
	)
		add(['plugins'], 'response-healing repairs JSON only for non-streaming requests');
	return out;
}
