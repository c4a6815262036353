/**
 * The two official SDKs read every emulator scenario and every recording: an answer parses, an
 * error arrives as the SDK's error for it (an API error, or a dropped connection), never as a
 * failure to read the response. Where @openrouter/sdk's own schema rejects a shape the live API
 * really sends, the rejection is listed here and asserted, so a fix on either side is noticed.
 */
import { OpenRouter } from '@openrouter/sdk';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRecording, recordingNames } from '../../emulator/recorded';
import { SCENARIOS } from '../../emulator/scenarios';
import { startEmulator, type Emulator } from '../../emulator/server';

let emu: Emulator;
let openai: OpenAI;
let openrouter: OpenRouter;
beforeAll(async () => {
	emu = await startEmulator({ tokenDelayMs: 0, generationDelayMs: 0 });
	openai = new OpenAI({ baseURL: emu.apiBaseUrl, apiKey: 'sk-or-v1-test-sdk', maxRetries: 0 });
	openrouter = new OpenRouter({
		apiKey: 'sk-or-v1-test-sdk',
		serverURL: emu.apiBaseUrl,
		retryConfig: { strategy: 'none' },
	});
});
afterAll(() => emu.close());

const MESSAGES = [{ role: 'user' as const, content: 'What is the weather in Paris?' }];
const TOOLS = [
	{
		type: 'function' as const,
		function: { name: 'get_weather', parameters: { type: 'object', properties: {} } },
	},
];

/** How a call ended: `ok`, or the class name of what was thrown. */
async function viaOpenAI(model: string, stream: boolean): Promise<string> {
	try {
		const body = { model, messages: MESSAGES, tools: TOOLS, max_tokens: 60 };
		if (stream)
			for await (const chunk of await openai.chat.completions.create({ ...body, stream: true }))
				void chunk;
		else await openai.chat.completions.create(body);
		return 'ok';
	} catch (error) {
		return (error as Error).constructor.name;
	}
}

async function viaOpenRouter(model: string, stream: boolean): Promise<string> {
	try {
		const result: unknown = await openrouter.chat.send({
			chatRequest: { model, messages: MESSAGES, tools: TOOLS, maxTokens: 60, stream },
		});
		if (typeof result === 'object' && result !== null && Symbol.asyncIterator in result)
			for await (const chunk of result as AsyncIterable<unknown>) void chunk;
		return 'ok';
	} catch (error) {
		return (error as Error).constructor.name;
	}
}

/** Thrown when the SDK could not read what came, as opposed to reporting what came. */
const PARSE_FAILURES = ['ZodError', 'ResponseValidationError', 'SyntaxError', 'SDKValidationError'];
/** A dropped connection surfaces from fetch itself (undici: "terminated"). */
const NETWORK = ['TypeError', 'APIConnectionError', 'ConnectionError'];

/**
 * @openrouter/sdk 1.3 rejects these. Each is a shape the live API sends: the recording that shows
 * it, or the reference section that documents it.
 */
const OPENROUTER_SDK_REJECTS = new Map<string, { thrown: string; why: string }>([
	// choices missing: {"error":…,"user_id":…} as the only event (real-llama-502-in-200-stream).
	['error-only-event:stream', { thrown: 'ZodError', why: 'real-llama-502-in-200-stream' }],
	['replay/real-llama-502-in-200-stream', { thrown: 'ZodError', why: 'choices required' }],
	// logprobs.content required: legacy {tokens: null, …} (real-deepseek-legacy-logprobs).
	['legacy-logprobs:stream', { thrown: 'ZodError', why: 'real-deepseek-legacy-logprobs' }],
	['replay/real-deepseek-legacy-logprobs', { thrown: 'ZodError', why: 'logprobs.content' }],
	// error.code must be a number; docs/openrouter-protocol.md#errors-mid-stream documents string codes in stream errors.
	[
		'error-empty-choices:stream',
		{ thrown: 'ZodError', why: 'string error code (errors-mid-stream)' },
	],
	// A 200 body that is only an error envelope (real-200-json-error).
	['non-stream-200-error:json', { thrown: 'ResponseValidationError', why: 'real-200-json-error' }],
	['non-stream-200-error:stream', { thrown: 'ResponseValidationError', why: 'same body' }],
	['replay/real-200-json-error', { thrown: 'ResponseValidationError', why: 'no choices' }],
	// system_fingerprint required; the recorded non-streamed bodies have none.
	['choice-error-raw-object:json', { thrown: 'ResponseValidationError', why: 'no fingerprint' }],
	['choice-error-raw-object:stream', { thrown: 'ResponseValidationError', why: 'no fingerprint' }],
	['replay/real-hermes-choice-error-json', { thrown: 'ResponseValidationError', why: 'idem' }],
	['replay/real-r1-nonstream-reasoning', { thrown: 'ResponseValidationError', why: 'idem' }],
]);

// The benchmark texts are long and say nothing new about shapes; slow-headers waits 1.5 s.
const IDS = SCENARIOS.map((s) => s.id).filter((id) => !/^bench|^long$|^slow-headers$/.test(id));
const CASES = IDS.flatMap((id) => [
	[id, true],
	[id, false],
]) as [string, boolean][];

describe('both SDKs read every emulator scenario', () => {
	it.each(CASES)('%s (stream: %s)', async (id, stream) => {
		const key = `${id}:${stream ? 'stream' : 'json'}`;
		for (const [sdk, outcome] of [
			['openai', await viaOpenAI(`emulator/${id}`, stream)],
			['@openrouter/sdk', await viaOpenRouter(`emulator/${id}`, stream)],
		] as const) {
			const known = sdk === '@openrouter/sdk' ? OPENROUTER_SDK_REJECTS.get(key) : undefined;
			if (known) expect(outcome, `${sdk}: known rejection (${known.why})`).toBe(known.thrown);
			else expect(PARSE_FAILURES, `${sdk} could not read ${key}`).not.toContain(outcome);
			if (id === 'drop' && stream) expect(NETWORK).toContain(outcome);
		}
	});
});

describe('both SDKs read every recording the way they read its scenario', () => {
	it.each(recordingNames())('%s', async (name) => {
		const { stream } = (loadRecording(name) ?? { meta: { request: { stream: true } } }).meta
			.request;
		const model = `emulator/replay/${name}`;
		expect(PARSE_FAILURES, 'openai').not.toContain(await viaOpenAI(model, stream));
		const outcome = await viaOpenRouter(model, stream);
		const known = OPENROUTER_SDK_REJECTS.get(`replay/${name}`);
		if (known) expect(outcome, `known rejection (${known.why})`).toBe(known.thrown);
		else expect(PARSE_FAILURES, '@openrouter/sdk').not.toContain(outcome);
	});
});
