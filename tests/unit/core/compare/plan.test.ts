import { describe, expect, it } from 'vitest';
import { readSupportedParameters } from '../../../../src/core/compare/catalog';
import { compareSameModel, planColumn } from '../../../../src/core/compare/plan';
import { endColumnRun, foldColumnRun, startColumnRun } from '../../../../src/core/compare/run';

const request = {
	model: 'openai/gpt-4o-mini',
	messages: [{ role: 'user', content: 'hi' }],
	temperature: 0.2,
	logprobs: true,
	seed: 7,
	stream: true,
	provider: { sort: 'price' },
};

describe('planColumn', () => {
	it('swaps the model and names gated parameters the model does not list', () => {
		const plan = planColumn(request, 'deepseek/deepseek-chat', [
			'temperature',
			'seed',
			'max_tokens',
		]);
		expect(plan.body).toEqual({ ...request, model: 'deepseek/deepseek-chat' });
		expect(plan.unsupported).toEqual(['logprobs']);
		expect(plan.checked).toBe(true);
		// The request itself is untouched.
		expect(request.model).toBe('openai/gpt-4o-mini');
	});

	it('does not check a model the catalog does not know', () => {
		expect(planColumn(request, 'x/unknown', undefined)).toMatchObject({
			unsupported: [],
			checked: false,
		});
	});
});

describe('compareSameModel', () => {
	it('says whether finished columns of the same model answered the same', () => {
		const notes = compareSameModel([
			{ model: 'a', status: 'done', text: 'one' },
			{ model: 'b', status: 'done', text: 'one' },
			{ model: 'a', status: 'done', text: 'one' },
			{ model: 'c', status: 'done', text: 'x' },
			{ model: 'c', status: 'done', text: 'y' },
			{ model: 'b', status: 'streaming', text: 'on' },
		]);
		expect(notes).toEqual([
			{ same: true, others: [3] },
			null,
			{ same: true, others: [1] },
			{ same: false, others: [5] },
			{ same: false, others: [4] },
			null,
		]);
	});
});

describe('readSupportedParameters', () => {
	it('maps ids to their parameters and skips malformed entries', () => {
		expect(
			readSupportedParameters({
				data: [{ id: 'a/b', supported_parameters: ['seed', 3] }, { id: 'c/d' }, null],
			}),
		).toEqual(new Map([['a/b', ['seed']]]));
		expect(readSupportedParameters({ error: {} })).toBeNull();
	});

	it('keeps the first of a repeated id, and finds nothing for names every object has', () => {
		const read = readSupportedParameters({
			data: [
				{ id: 'a/b', supported_parameters: ['seed'] },
				{ id: 'a/b', supported_parameters: ['tools'] },
			],
		});
		expect(read?.get('a/b')).toEqual(['seed']);
		for (const name of ['constructor', '__proto__', 'toString'])
			expect(read?.get(name)).toBeUndefined();
	});
});

describe('column runs', () => {
	it('fold with core/stream/accumulate, time the first token and end as done', () => {
		let run = startColumnRun({ model: 'a' }, 100);
		run = foldColumnRun(
			run,
			{ type: 'open', status: 200, generationId: 'g', providerName: 'P' },
			110,
		);
		expect(run.firstTokenAt).toBeNull();
		run = foldColumnRun(
			run,
			{ type: 'chunk', chunk: { choices: [{ delta: { content: 'Hi' } }] } },
			150,
		);
		run = foldColumnRun(
			run,
			{ type: 'chunk', chunk: { choices: [{ delta: { content: '!' }, finish_reason: 'stop' }] } },
			170,
		);
		run = foldColumnRun(run, { type: 'done' }, 180);
		run = endColumnRun(run, { aborted: false, sawEnd: false }, 200);
		expect(run).toMatchObject({
			status: 'done',
			firstTokenAt: 150,
			endedAt: 200,
			generationId: 'g',
			httpStatus: 200,
		});
		expect(run.completion).toMatchObject({ text: 'Hi!', provider: 'P', finishReason: 'stop' });
	});

	it('end as stopped on abort, and as an error when the body broke off', () => {
		const started = foldColumnRun(
			startColumnRun({}, 0),
			{ type: 'chunk', chunk: { choices: [{ delta: { content: 'x' } }] } },
			1,
		);
		expect(endColumnRun(started, { aborted: true, sawEnd: false }, 2).status).toBe('stopped');
		const cut = endColumnRun(started, { aborted: false, sawEnd: false }, 2);
		expect(cut.status).toBe('error');
		expect(cut.completion.error?.kind).toBe('incomplete');
		expect(
			endColumnRun(started, { aborted: false, sawEnd: true, thrown: new Error('bug') }, 2)
				.completion.error?.kind,
		).toBe('protocol');
	});
});
