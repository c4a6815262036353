import type { RunRecord } from '../../../../src/core/history/record';

/** A stored v2 run; `over` replaces any field. */
export function runRecord(over: Partial<RunRecord> = {}): RunRecord {
	return {
		v: 2,
		id: 'run-1',
		at: Date.UTC(2026, 10, 20, 12, 0, 0),
		request: {
			model: 'openai/gpt-4o-mini',
			messages: [{ role: 'user', content: 'Name three rivers.' }],
			stream: true,
		},
		model: 'openai/gpt-4o-mini',
		servedModel: 'openai/gpt-4o-mini-2024-07-18',
		provider: 'OpenAI',
		status: 'done',
		answer: {
			text: 'Nile, Amazon, Danube.',
			reasoning: '',
			refusal: '',
			toolCalls: [],
			finishReason: 'stop',
		},
		usage: { prompt_tokens: 12, completion_tokens: 6, total_tokens: 18, cost: 0.0000054 },
		timings: { ttftMs: 120, totalMs: 400, tokensPerSecond: 21.4 },
		error: null,
		generationId: 'gen-1',
		httpStatus: 200,
		...over,
	};
}
