/**
 * B3 one long stream: 20 000 tokens of mixed markdown (emulator/bench-markdown: prose, lists,
 * headings, code, tables, quotes) at 500, 2 000 and 5 000 tok/s into the app's markdown view, and
 * the same answer into a plain-text-append page (baseline/append.html) in the same run.
 *
 * Latency is measured per marker word (every 25th token is a unique `zq000123` that any renderer
 * shows as is; see stream-run.ts and paint-probe.ts): send = when the emulator wrote the frame that
 * carries it (a tap in the emulator, not a schedule), paint = the end of the first frame whose
 * layout included it. The old probe took the schedule (token k at k × delay after the response
 * headers) as send time; the emulator runs in the runner's own event loop next to Playwright and
 * writes late against that schedule, so every figure carried the same ~200 ms offset (the
 * "send lag" note shows how late it writes now). Also: DOM commits per painted frame, long
 * animation frames, and CDP script time for 10k against 20k tokens (cost linear in the text).
 */
import { quantile, round } from './stats';
import { latencyRows, streamOnce } from './stream-run';
import type { Bench, BenchContext, Row } from './types';

const MODEL = 'emulator/bench-markdown';
const ms = (v: number | null) => round(v, 0);
const run = (ctx: BenchContext, target: 'app' | 'baseline', tokens: number, rate: number) =>
	streamOnce(ctx, target, { model: MODEL, maxTokens: tokens, delayMs: 1000 / rate });

const bench: Bench = {
	id: 'B3',
	title: 'one long stream (markdown)',
	async run(ctx) {
		const rows: Row[] = [];
		const scripts20k: number[] = [];
		for (const rate of [500, 2000, 5000]) {
			const app = await run(ctx, 'app', 20_000, rate);
			const base = await run(ctx, 'baseline', 20_000, rate);
			ctx.log(
				`${rate} tok/s: app p50 ${ms(quantile(app.latencies, 0.5))} ms, baseline ${ms(quantile(base.latencies, 0.5))} ms`,
			);
			rows.push(...latencyRows('B3', `20k tokens @ ${rate} tok/s`, app, base));
			if (rate === 5000) scripts20k.push(app.script);
		}
		// Linearity: script time for the same answer cut at 10k and at 20k tokens, both at 5 000 tok/s
		// (best of two runs each). Settled blocks are parsed once, so 20k should cost about twice 10k.
		const scripts10k: number[] = [];
		for (let i = 0; i < 2; i++) scripts10k.push((await run(ctx, 'app', 10_000, 5000)).script);
		scripts20k.push((await run(ctx, 'app', 20_000, 5000)).script);
		const t10 = Math.min(...scripts10k);
		const t20 = Math.min(...scripts20k);
		const ratio = t10 > 0 ? t20 / t10 : null;
		rows.push({
			id: 'B3',
			metric: 'script time, 20k ÷ 10k tokens @ 5000 tok/s',
			value: round(ratio, 2),
			unit: '×',
			target: '≤ 2.2',
			pass: ratio !== null && ratio <= 2.2,
			note: `CDP script ${ms(t10)} ms → ${ms(t20)} ms (best of two each)`,
		});
		return rows;
	},
};
export default bench;
