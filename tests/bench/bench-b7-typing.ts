/**
 * B7 a 1 MB request in the editor: keystroke → next frame while typing inside the first message of a
 * pretty-printed 1 MB request, in Monaco (the default editor, loaded when idle) and in the plain
 * field (the "Plain text" choice). Keys come 200–700 ms apart, so the app's work after a pause
 * (parse, checks, code samples) lands between them, and a key can meet it. Baseline: a bare <textarea> with the same text, same run.
 */
import type { Page } from '@playwright/test';
import {
	chooseEditor,
	keystrokesToFrame,
	megabyteRequest,
	pasteIntoPlainField,
	requestEditor,
} from './editor-driver';
import { median, quantile, round } from './stats';
import type { Bench, BenchContext, Row } from './types';

/** Gaps between keys, like someone typing with short pauses (the app commits after ~500 ms). */
const GAPS_MS = [200, 300, 250, 700, 350];
const KEYS = 15;

/** Caret inside the first message's content (line 6 of the pretty JSON), then type. */
async function typeInMonaco(page: Page): Promise<number[]> {
	await page.locator('.monaco-editor .view-line').first().waitFor({ timeout: 120_000 });
	await page
		.locator('.monaco-editor')
		.first()
		.click({ position: { x: 120, y: 20 } });
	await page.keyboard.press('ControlOrMeta+Home');
	for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowDown');
	await page.keyboard.press('End');
	await page.keyboard.press('ArrowLeft');
	await page.waitForTimeout(1000);
	return keystrokesToFrame(page, KEYS, GAPS_MS);
}

async function typeInField(page: Page): Promise<number[]> {
	const field = requestEditor(page);
	await field.focus();
	await field.evaluate((f) => (f as HTMLTextAreaElement).setSelectionRange(120, 120));
	await page.waitForTimeout(1000);
	return keystrokesToFrame(page, KEYS, GAPS_MS);
}

async function measure(ctx: BenchContext, text: string, editor: 'monaco' | 'plain' | 'baseline') {
	const { context, page } = await ctx.newPage();
	if (editor === 'plain') await chooseEditor(page, 'plain');
	await page.goto(editor === 'baseline' ? `${ctx.baselineUrl}textarea.html` : ctx.appUrl);
	await pasteIntoPlainField(page, text);
	const times = await (editor === 'monaco' ? typeInMonaco(page) : typeInField(page));
	await context.close();
	return times;
}

function row(label: string, times: number[], base: number[], size: number): Row {
	const value = median(times);
	return {
		id: 'B7',
		metric: `${(size / 1e6).toFixed(2)} MB request, ${label}: keystroke → frame, median of ${times.length}`,
		value: round(value, 0),
		unit: 'ms',
		baseline: { label: 'bare textarea', value: round(median(base), 0) },
		target: '≤ 50 ms',
		pass: value !== null && value <= 50,
		note: `p90 ${round(quantile(times, 0.9), 0)} ms, worst ${round(Math.max(...times), 0)} ms (bare textarea worst ${round(Math.max(...base), 0)} ms)`,
	};
}

const bench: Bench = {
	id: 'B7',
	title: '1 MB request in the editor',
	async run(ctx): Promise<Row[]> {
		const text = megabyteRequest();
		const base = await measure(ctx, text, 'baseline');
		const monaco = await measure(ctx, text, 'monaco');
		const plain = await measure(ctx, text, 'plain');
		return [
			row('Monaco (default editor)', monaco, base, text.length),
			row('plain field', plain, base, text.length),
		];
	},
};
export default bench;
