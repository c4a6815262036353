/**
 * The emulator against the recordings: for each recorded response, its nearest scenario must have
 * the same structure (kinds of events, key paths and value types per kind, order, keep-alives,
 * [DONE]). Where an older scenario, written from the reference, differs from one recording, the
 * difference is listed here word for word, so a new drift (or a fix) changes the list and fails.
 */
import { describe, expect, it } from 'vitest';
import { createAuth } from '../../emulator/auth';
import {
	NEAREST,
	compareStructures,
	structureOf,
	structureOfSse,
	type Structure,
} from '../../emulator/fidelity';
import { loadRecording, loadRecordings, type Recording } from '../../emulator/recorded';
import { renderScenario } from '../../emulator/scenarios';

const recordedStructure = (r: Recording): Structure =>
	r.meta.headers['content-type']?.startsWith('text/event-stream')
		? structureOfSse(r.body.toString('utf8'))
		: structureOf([JSON.parse(r.body.toString('utf8')) as unknown]);

function emulatedText(r: Recording): { sse: string } | { json: unknown } {
	const id = NEAREST[r.name];
	if (id === '401 without a key') return { json: createAuth().check(undefined)?.body };
	if (!id) throw new Error(`${r.name} has no scenario`);
	const rendered = renderScenario(id, {
		model: 'openai/gpt-4o-mini',
		messages: [{ role: 'user', content: 'Add and multiply 2 and 3' }],
		stream: r.meta.request.stream,
		tools: [{ function: { name: 'add' } }, { function: { name: 'multiply' } }],
	});
	return rendered.kind === 'sse'
		? { sse: rendered.frames.map((f) => f.text).join('') }
		: { json: rendered.body };
}

const structure = (out: { sse: string } | { json: unknown }) =>
	'sse' in out ? structureOfSse(out.sse) : structureOf([out.json]);

/**
 * Known differences between older scenarios (written from the reference before the recordings
 * existed) and the recordings they come nearest to, word for word. Shorten this list by making
 * the scenario more faithful; never lengthen it to let a new drift through.
 */
const KNOWN: Record<string, string[]> = {
	// `reasoning` is the reference's Anthropic pattern: no tool call, logprobs on every choice, a usage chunk with null finish.
	'real-claude-thinking-tool': [
		'kind tool-call-start: not sent by the emulator',
		'kind tool-call-args: not sent by the emulator',
		'kind content: not in the recording',
		'reasoning .choices[].delta.reasoning: null|string, recorded string',
		'reasoning .choices[].logprobs: extra',
		'finish .choices[].delta.reasoning: missing',
		'finish .choices[].logprobs: extra',
		'usage .choices[].finish_reason: null, recorded string',
		'usage .choices[].native_finish_reason: null, recorded string',
		'usage .usage.cost_details.upstream_inference_cost: null, recorded number',
		'usage .choices[].logprobs: extra',
	],
	// the same scenario; GLM via AtlasCloud has no logprobs key and no signature.
	'real-glm-long-reasoning': [
		'reasoning .choices[].delta.reasoning: null|string, recorded string',
		'reasoning .choices[].delta.reasoning_details[].signature: extra',
		'reasoning .choices[].logprobs: extra',
		'content .choices[].logprobs: extra',
		'finish .choices[].delta.reasoning: missing',
		'finish .choices[].logprobs: extra',
		'usage .choices[].finish_reason: null, recorded string',
		'usage .choices[].native_finish_reason: null, recorded string',
		'usage .usage.cost_details.upstream_inference_cost: null, recorded number',
		'usage .choices[].logprobs: extra',
	],
	// the scenario streams text where MiniMax streamed reasoning, and reports the fuller usage details.
	'real-minimax-midstream-error': [
		'kind reasoning: not sent by the emulator',
		'kind content: not in the recording',
		'finish .choices[].delta.reasoning: missing',
		'finish .choices[].delta.reasoning_details: missing',
		'finish .choices[].delta.reasoning_details[]: missing',
		'finish .choices[].delta.reasoning_details[].type: missing',
		'finish .choices[].delta.reasoning_details[].text: missing',
		'finish .choices[].delta.reasoning_details[].index: missing',
		'finish .choices[].delta.reasoning_details[].format: missing',
		'error-chunk .usage.prompt_tokens_details.cache_write_tokens: extra',
		'error-chunk .usage.prompt_tokens_details.video_tokens: extra',
		'error-chunk .usage.completion_tokens_details.audio_tokens: extra',
	],
	// the scenario repeats the finish reason on the usage chunk (style c of docs/openrouter-protocol.md#usage-chunk) and skips the empty opening chunk.
	'real-o3-encrypted': [
		'kind empty: not sent by the emulator',
		'usage .choices[].finish_reason: string, recorded null',
		'usage .choices[].native_finish_reason: string, recorded null',
		'usage .service_tier: extra',
		'usage .usage.prompt_tokens_details.cache_write_tokens: extra',
		'usage .usage.prompt_tokens_details.video_tokens: extra',
		'usage .usage.completion_tokens_details.audio_tokens: extra',
	],
	// no server_tool_use_details for the web plugin yet; logprobs on every choice.
	'real-deepseek-citations-stream': [
		'annotations .choices[].logprobs: extra',
		'content .choices[].logprobs: extra',
		'finish .choices[].logprobs: extra',
		'usage .usage.cost_details.upstream_inference_cost: null, recorded number',
		'usage .usage.server_tool_use_details: missing',
		'usage .usage.server_tool_use_details.web_search_requests: missing',
		'usage .usage.server_tool_use_details.tool_calls_requested: missing',
		'usage .usage.server_tool_use_details.tool_calls_executed: missing',
		'usage .choices[].logprobs: extra',
		'usage .usage.is_byok: extra',
	],
	// the reference's Claude-like tool call: no reasoning before it, no "type" on each fragment.
	'real-gpt-oss-tool-args': [
		'kind empty: not sent by the emulator',
		'kind reasoning: not sent by the emulator',
		'tool-call-args .choices[].delta.tool_calls[].type: missing',
		'finish .choices[].delta.reasoning: missing',
		'finish .choices[].delta.reasoning_details: missing',
		'usage .choices[].finish_reason: string, recorded null',
		'usage .choices[].native_finish_reason: string, recorded null',
		'usage .service_tier: extra',
		'usage .usage.prompt_tokens_details.cache_write_tokens: extra',
		'usage .usage.prompt_tokens_details.video_tokens: extra',
		'usage .usage.completion_tokens_details.audio_tokens: extra',
		'keep-alives before data: true, recorded false',
	],
	// `reasoning` again; Hermes ends on "length" after reasoning only.
	'real-hermes-length': [
		'kind empty: not sent by the emulator',
		'kind content: not in the recording',
		'reasoning .choices[].delta.reasoning: null|string, recorded string',
		'reasoning .choices[].delta.reasoning_details[].signature: extra',
		'finish .choices[].delta.reasoning: missing',
		'finish .choices[].delta.reasoning_details: missing',
		'usage .usage.prompt_tokens_details.cache_write_tokens: extra',
		'usage .usage.prompt_tokens_details.video_tokens: extra',
		'usage .usage.completion_tokens_details.audio_tokens: extra',
	],
	// the non-streamed body does not carry message.annotations yet.
	'real-deepseek-citations-json': [
		'completion .choices[].message.annotations: missing',
		'completion .choices[].message.annotations[]: missing',
		'completion .choices[].message.annotations[].type: missing',
		'completion .choices[].message.annotations[].url_citation: missing',
		'completion .choices[].message.annotations[].url_citation.content: missing',
		'completion .choices[].message.annotations[].url_citation.end_index: missing',
		'completion .choices[].message.annotations[].url_citation.start_index: missing',
		'completion .choices[].message.annotations[].url_citation.title: missing',
		'completion .choices[].message.annotations[].url_citation.url: missing',
		'completion .service_tier: missing',
		'completion .usage.cost_details.upstream_inference_cost: null, recorded number',
		'completion .usage.server_tool_use_details: missing',
		'completion .usage.server_tool_use_details.tool_calls_executed: missing',
		'completion .usage.server_tool_use_details.tool_calls_requested: missing',
		'completion .usage.server_tool_use_details.web_search_requests: missing',
		'completion .usage.is_byok: extra',
	],
	// the non-streamed body always has full usage details and null logprobs; Novita sent nulls and {content: [], refusal: []}.
	'real-r1-nonstream-reasoning': [
		'completion .choices[].logprobs: null, recorded object',
		'completion .choices[].logprobs.content: missing',
		'completion .choices[].logprobs.refusal: missing',
		'completion .usage.completion_tokens_details: object, recorded null',
		'completion .usage.prompt_tokens_details: object, recorded null',
		'completion .system_fingerprint: extra',
		'completion .usage.cost: extra',
		'completion .usage.is_byok: extra',
		'completion .usage.prompt_tokens_details.cached_tokens: extra',
		'completion .usage.prompt_tokens_details.cache_write_tokens: extra',
		'completion .usage.prompt_tokens_details.audio_tokens: extra',
		'completion .usage.prompt_tokens_details.video_tokens: extra',
		'completion .usage.cost_details: extra',
		'completion .usage.cost_details.upstream_inference_cost: extra',
		'completion .usage.cost_details.upstream_inference_prompt_cost: extra',
		'completion .usage.cost_details.upstream_inference_completions_cost: extra',
		'completion .usage.completion_tokens_details.reasoning_tokens: extra',
		'completion .usage.completion_tokens_details.image_tokens: extra',
		'completion .usage.completion_tokens_details.audio_tokens: extra',
	],
	// the per-day variant with limit_source; the per-minute one recorded has provider_name null.
	'real-429-rate-limit-headers': [
		'error-only .error.metadata.provider_name: missing',
		'error-only .error.metadata.limit_source: extra',
	],
	// the documented shape (docs/openrouter-protocol.md#error-metadata) with provider_name and model_slug; the pasted log line has neither.
	'real-403-moderation': [
		'error-only .error.metadata.provider_name: extra',
		'error-only .error.metadata.model_slug: extra',
		'error-only .user_id: extra',
	],
};

describe('each recording against the scenario nearest to it', () => {
	it('every recording has a scenario', () => {
		expect(Object.keys(NEAREST).sort()).toEqual(
			loadRecordings()
				.map((r) => r.name)
				.sort(),
		);
	});

	it.each(loadRecordings().map((r) => [r.name, r] as const))('%s', (name, recording) => {
		const differences = compareStructures(
			recordedStructure(recording),
			structure(emulatedText(recording)),
		);
		expect(differences).toEqual(KNOWN[name] ?? []);
	});
});

describe('the check finds a planted drift', () => {
	const grok = loadRecording('real-grok-parallel-tools') as Recording;
	const emulated = emulatedText(grok);
	if (!('sse' in emulated)) throw new Error('grok streams');
	const recorded = recordedStructure(grok);
	const rewrite = (edit: (payload: Record<string, unknown>) => void) =>
		emulated.sse.replace(/^data: (\{.*\})$/gm, (_line, json: string) => {
			const payload = JSON.parse(json) as Record<string, unknown>;
			edit(payload);
			return `data: ${JSON.stringify(payload)}`;
		});

	it('agrees before anything is planted', () => {
		expect(compareStructures(recorded, structureOfSse(emulated.sse))).toEqual([]);
	});

	it('native_finish_reason dropped', () => {
		const drifted = rewrite((p) => {
			for (const choice of p.choices as Record<string, unknown>[])
				delete choice.native_finish_reason;
		});
		expect(compareStructures(recorded, structureOfSse(drifted))).toContain(
			'finish .choices[].native_finish_reason: missing',
		);
	});

	it('a number sent as a string', () => {
		const drifted = rewrite((p) => {
			if (p.usage) (p.usage as Record<string, unknown>).cost = '0.00019875';
		});
		expect(compareStructures(recorded, structureOfSse(drifted))).toContain(
			'usage .usage.cost: string, recorded number',
		);
	});

	it('events out of order, and [DONE] missing', () => {
		const events = emulated.sse.split('\n\n');
		const encrypted = events.findIndex((e) => e.includes('reasoning.encrypted'));
		const [moved] = events.splice(encrypted, 1);
		events.splice(events.length - 3, 0, moved ?? '');
		const drifted = events.join('\n\n').replace('data: [DONE]', '');
		const differences = compareStructures(recorded, structureOfSse(drifted));
		expect(differences.some((d) => d.startsWith('order:'))).toBe(true);
		expect(differences).toContain('[DONE] at the end: false, recorded true');
	});
});
