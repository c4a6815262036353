import { describe, expect, it } from 'vitest';
import { endpointsOf } from '../../../emulator/routing';
import { GENERATED } from '../../../emulator/catalog';
import {
	endpointRow,
	moveInOrder,
	readEndpoints,
	readPrefs,
	reachable,
	toggleIgnore,
	toggleOrder,
	toggleQuantization,
	unsupportedByProviders,
	useOnly,
} from '../../../../src/core/models/endpoints';

const body = (id: string, authed = false) => ({ data: { id, endpoints: endpointsOf(id, authed) } });

describe('reading endpoints', () => {
	it('reads every endpoint of every generated model', () => {
		for (const g of GENERATED.slice(0, 100)) {
			const list = readEndpoints(body(g.model.id));
			expect(list.map((e) => e.tag)).toEqual(g.endpoints.map((e) => e.tag));
		}
	});

	it('rows: price per million, status, uptime; latency and throughput only when given', () => {
		const [novita, , chutes] = readEndpoints(body('deepseek/deepseek-chat', true));
		expect(endpointRow(novita!)).toMatchObject({
			provider: 'Novita',
			tag: 'novita',
			prompt: '$0.3/M',
			completion: '$0.85/M',
			quantization: 'fp8',
			status: 'up',
			uptime: '99.5%',
			latency: '0.42 s',
			throughput: '85 tok/s',
		});
		expect(endpointRow(chutes!).status).toBe('down');
		const keyless = readEndpoints(body('deepseek/deepseek-chat'))[0]!;
		expect(endpointRow(keyless)).toMatchObject({ latency: '—', throughput: '—' });
	});

	it('survives junk', () => {
		expect(readEndpoints(null)).toEqual([]);
		expect(
			readEndpoints({ data: { endpoints: [null, { tag: 'x' }, { provider_name: 'A B' }] } }),
		).toMatchObject([{ providerName: 'A B', tag: 'a-b', prompt: null, status: null }]);
	});
});

describe('routing preferences written by the rows', () => {
	const none = readPrefs(undefined);

	it('use only: one provider; again: any; it leaves ignore', () => {
		expect(useOnly(none, 'groq')).toEqual({ only: ['groq'] });
		expect(useOnly(readPrefs({ only: ['groq'] }), 'groq')).toEqual({ only: undefined });
		expect(useOnly(readPrefs({ ignore: ['groq', 'x'] }), 'groq')).toEqual({
			only: ['groq'],
			ignore: ['x'],
		});
	});

	it('order: join at the end, leave again, move up and down', () => {
		const two = readPrefs({ order: ['a', 'b'] });
		expect(toggleOrder(two, 'c')).toEqual({ order: ['a', 'b', 'c'] });
		expect(toggleOrder(two, 'a')).toEqual({ order: ['b'] });
		expect(toggleOrder(readPrefs({ order: ['a'] }), 'a')).toEqual({ order: undefined });
		const three = readPrefs({ order: ['a', 'b', 'c'] });
		expect(moveInOrder(three, 'c', 0)).toEqual({ order: ['c', 'a', 'b'] });
		expect(moveInOrder(three, 'a', 1)).toEqual({ order: ['b', 'a', 'c'] });
		expect(moveInOrder(three, 'a', 99)).toEqual({ order: ['b', 'c', 'a'] });
		expect(moveInOrder(three, 'z', 0)).toEqual({});
	});

	it('exclude: joins ignore and leaves only and order; again: included', () => {
		expect(toggleIgnore(readPrefs({ only: ['a'], order: ['a', 'b'] }), 'a')).toEqual({
			ignore: ['a'],
			only: undefined,
			order: ['b'],
		});
		expect(toggleIgnore(readPrefs({ ignore: ['a'] }), 'a')).toEqual({ ignore: undefined });
		expect(toggleQuantization(none, 'fp8')).toEqual({ quantizations: ['fp8'] });
	});
});

describe('parameters the reachable providers do not support', () => {
	const g = GENERATED.find(
		(x) =>
			x.endpoints.length >= 2 &&
			x.endpoints[0]!.supported_parameters.includes('tools') &&
			x.endpoints.some((e) => !e.supported_parameters.includes('tools')),
	)!;
	const endpoints = readEndpoints(body(g.model.id));
	const lacking = endpoints.find((e) => !e.supportedParameters.includes('tools'))!;
	const request = {
		model: g.model.id,
		messages: [],
		tools: [{ type: 'function' }],
		temperature: 1,
	};

	it('names the parameter and the providers lacking it', () => {
		const found = unsupportedByProviders(request, endpoints, readPrefs(undefined));
		expect(found.find((u) => u.parameter === 'tools')?.providers).toContain(lacking.tag);
	});

	it('a provider excluded, or others chosen only, no longer counts', () => {
		expect(
			unsupportedByProviders(request, endpoints, readPrefs({ ignore: [lacking.tag] })).find(
				(u) => u.parameter === 'tools',
			),
		).toBeUndefined();
		const first = endpoints[0]!.tag;
		expect(reachable(endpoints, readPrefs({ only: [first] })).map((e) => e.tag)).toEqual([first]);
		expect(unsupportedByProviders(request, endpoints, readPrefs({ only: [lacking.tag] }))).toEqual([
			{ parameter: 'tools', providers: [lacking.tag] },
		]);
	});
});
