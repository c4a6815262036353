/**
 * B2 editor on demand and B7 a 1 MB request in the editor. Both go through the UI contract (the
 * textbox "Request JSON"), so they measure whichever editor the build has. B2 needs Monaco: when the
 * build has no Monaco chunk it says so instead of inventing a number.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { installProbes, loafs } from './page-probes';
import { median, round } from './stats';
import type { Bench, BenchContext, Row } from './types';

function monacoChunks(dist: string): string[] {
	const manifest = JSON.parse(readFileSync(`${dist}/.vite/manifest.json`, 'utf8')) as Record<
		string,
		{ file: string; src?: string }
	>;
	return Object.entries(manifest)
		.filter(([key, chunk]) => /monaco/i.test(`${key} ${chunk.src ?? ''} ${chunk.file}`))
		.map(([, chunk]) => chunk.file);
}

const editor = (page: Page) => page.getByRole('textbox', { name: 'Request JSON' });

const b2: Bench = {
	id: 'B2',
	title: 'editor on demand',
	async run(ctx): Promise<Row[]> {
		if (monacoChunks(ctx.dist).length === 0)
			return [
				{
					id: 'B2',
					metric: 'intent → Monaco ready',
					value: null,
					unit: 'ms',
					pass: null,
					note: 'Monaco not in this build (no Monaco chunk in the Vite manifest): nothing to measure',
				},
			];
		const { context, page } = await ctx.newPage();
		await installProbes(page);
		await page.goto(ctx.appUrl);
		await editor(page).waitFor();
		await page.waitForTimeout(500);
		const start = await page.evaluate(() => performance.now());
		await editor(page).click(); // the intent: the person starts editing
		await page.locator('.monaco-editor .view-line').first().waitFor({ timeout: 30_000 });
		const ready = await page.evaluate(
			() => new Promise<number>((r) => requestAnimationFrame(() => r(performance.now()))),
		);
		const fetched = await page.evaluate(
			(t0) =>
				performance
					.getEntriesByType('resource')
					.filter((e) => e.startTime >= t0)
					.map((e) => new URL(e.name).pathname.split('/').pop() ?? ''),
			start,
		);
		const longest = Math.max(
			0,
			...(await loafs(page)).filter((l) => l.start >= start).map((l) => l.duration),
		);
		await context.close();
		const tsWorker = fetched.some((name) => /ts\.worker|typescript/i.test(name));
		return [
			{
				id: 'B2',
				metric: 'intent (click in "Request JSON") → Monaco line painted',
				value: round(ready - start, 0),
				unit: 'ms',
				target: '≤ 1000 ms',
				pass: ready - start <= 1000,
				note: `longest frame ${round(longest, 0)} ms; fetched: ${fetched.join(', ') || 'nothing'}`,
			},
			{
				id: 'B2',
				metric: 'TypeScript worker fetched on editor start',
				value: tsWorker ? 1 : 0,
				unit: '',
				target: '0',
				pass: !tsWorker,
			},
		];
	},
};

/** A pretty-printed chat request of about 1 MB. */
function megabyteRequest(): string {
	const paragraph = 'The quick brown fox jumps over the lazy dog, again and again. '.repeat(16);
	const messages = [];
	for (let i = 0; JSON.stringify(messages).length < 1_000_000; i++)
		messages.push({ role: i % 2 ? 'assistant' : 'user', content: `${i}: ${paragraph}` });
	return JSON.stringify({ model: 'emulator/text', messages, stream: true }, null, 2);
}

/** Keydown → the frame after the input was handled (rAF, then a task: after paint), in the page. */
async function keystrokeToFrame(page: Page): Promise<number> {
	const measured = page.evaluate(
		() =>
			new Promise<number>((resolve) => {
				addEventListener(
					'keydown',
					(event) => {
						const start = event.timeStamp;
						requestAnimationFrame(() => {
							const channel = new MessageChannel();
							channel.port1.onmessage = () => resolve(performance.now() - start);
							channel.port2.postMessage(null);
						});
					},
					{ capture: true, once: true },
				);
			}),
	);
	await page.keyboard.press('Space');
	return measured;
}

async function typingIn(page: Page, text: string): Promise<number[]> {
	// fill() puts the text in with one input event, like a paste. (CDP insertText of 1 MB took over
	// a minute in Chromium, in the editing pipeline, before any app code ran.)
	await editor(page).fill(text, { timeout: 120_000 });
	await editor(page).click({ timeout: 60_000 });
	await page.keyboard.press('ControlOrMeta+End');
	await page.waitForTimeout(1500);
	const times: number[] = [];
	for (let i = 0; i < 7; i++) {
		times.push(await keystrokeToFrame(page));
		await page.waitForTimeout(400);
	}
	return times;
}

const b7: Bench = {
	id: 'B7',
	title: '1 MB request in the editor',
	async run(ctx: BenchContext): Promise<Row[]> {
		const text = megabyteRequest();
		const app = await ctx.newPage();
		await app.page.goto(ctx.appUrl);
		// A page that hangs on the text must not hang the run: give up after three minutes.
		const appTimes = await Promise.race([
			typingIn(app.page, text),
			new Promise<never>((_, reject) => {
				setTimeout(
					() => reject(new Error('the app did not take the 1 MB text in 3 minutes')),
					180_000,
				).unref();
			}),
		]);
		const kind = monacoChunks(ctx.dist).length ? 'Monaco (if loaded)' : 'textarea';
		await app.context.close();
		const base = await ctx.newPage();
		await base.page.goto(`${ctx.baselineUrl}textarea.html`);
		const baseTimes = await typingIn(base.page, text);
		await base.context.close();
		const value = median(appTimes);
		return [
			{
				id: 'B7',
				metric: `${(text.length / 1e6).toFixed(2)} MB request, keystroke → frame (median of 7)`,
				value: round(value, 0),
				unit: 'ms',
				baseline: { label: 'plain textarea', value: round(median(baseTimes), 0) },
				target: '≤ 50 ms',
				pass: value !== null && value <= 50,
				note: `editor: ${kind}; worst ${round(Math.max(...appTimes), 0)} ms`,
			},
		];
	},
};

export const benches = [b2, b7];
