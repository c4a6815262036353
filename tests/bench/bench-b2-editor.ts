/**
 * B2 editor on demand. The editor set to "loads on focus", so nothing of Monaco is fetched before the
 * intent: a click in "Request JSON". Measures click → first Monaco line painted, the longest frame
 * from the click until a second after, every file fetched (workers included; no TypeScript worker)
 * and the gzip -9 size of Monaco's files. Baseline: the same click with the plain field, in the
 * same run (the cost of the click itself).
 */
import type { Page, Request } from '@playwright/test';
import { measureBuild } from '../scripts/budgets/measure';
import { stableName } from '../scripts/budgets/check';
import { chooseEditor, monacoFiles, requestEditor } from './editor-driver';
import { installProbes, loafs } from './page-probes';
import { round } from './stats';
import type { Bench, BenchContext, Row } from './types';

const nextFrame = (page: Page) =>
	page.evaluate(
		() => new Promise<number>((r) => requestAnimationFrame(() => r(performance.now()))),
	);

async function intent(ctx: BenchContext, mode: 'focus' | 'plain', ready: string) {
	const { context, page } = await ctx.newPage();
	await chooseEditor(page, mode);
	await installProbes(page);
	await page.goto(ctx.appUrl);
	await requestEditor(page).waitFor();
	await page.waitForTimeout(1000);
	const fetched: string[] = [];
	const onRequest = (r: Request) => fetched.push(stableName(new URL(r.url()).pathname.slice(1)));
	context.on('request', onRequest);
	const start = await page.evaluate(() => performance.now());
	await requestEditor(page).click();
	await page.locator(ready).first().waitFor({ timeout: 60_000 });
	const end = await nextFrame(page);
	await page.waitForTimeout(1000); // workers start after the first paint
	context.off('request', onRequest);
	const long = (await loafs(page)).filter((l) => l.start >= start);
	await context.close();
	return { ms: end - start, fetched, longest: Math.max(0, ...long.map((l) => l.duration)) };
}

const bench: Bench = {
	id: 'B2',
	title: 'editor on demand',
	async run(ctx): Promise<Row[]> {
		const monaco = monacoFiles(ctx.dist).map(stableName);
		if (monaco.length === 0) throw new Error('no Monaco chunk in the Vite manifest');
		const plain = await intent(ctx, 'plain', 'textarea:focus');
		const rich = await intent(ctx, 'focus', '.monaco-editor .view-line');
		const sizes = measureBuild(ctx.dist).chunks;
		const kb = (files: string[]) =>
			round(files.reduce((n, f) => n + (sizes[f] ?? 0), 0) / 1024, 1) ?? 0;
		const js = [...new Set(rich.fetched)].filter((f) => f.endsWith('.js'));
		const mainThread = js.filter((f) => !/\.worker/.test(f));
		const workers = js.filter((f) => /\.worker/.test(f));
		const ts = rich.fetched.filter((f) => /ts\.worker|tsMode|typescript/i.test(f));
		const biggest = [...mainThread]
			.sort((a, b) => (sizes[b] ?? 0) - (sizes[a] ?? 0))
			.slice(0, 5)
			.map((f) => `${f.replace('assets/', '')} ${kb([f])}`);
		return [
			{
				id: 'B2',
				metric: 'intent (click in "Request JSON") → first Monaco line painted',
				value: round(rich.ms, 0),
				unit: 'ms',
				baseline: { label: 'same click, plain field', value: round(plain.ms, 0) },
				target: '≤ 1000 ms',
				pass: rich.ms <= 1000,
			},
			{
				id: 'B2',
				metric: 'longest frame from the click to 1 s after Monaco is ready',
				value: round(rich.longest, 0),
				unit: 'ms',
				baseline: { label: 'same click, plain field', value: round(plain.longest, 0) },
				pass: null,
			},
			{
				id: 'B2',
				metric: `Monaco JS fetched on intent, main thread, gzip -9 (${mainThread.length} files)`,
				value: kb(mainThread),
				unit: 'KB',
				baseline: { label: 'all Monaco files in the build', value: kb(monaco) },
				target: '≤ 1050 KB',
				pass: kb(mainThread) <= 1050,
				note: `largest (KB): ${biggest.join(', ')}; workers: ${workers.map((w) => `${w.replace('assets/', '')} ${kb([w])}`).join(', ') || 'none'}; not Monaco: ${js.filter((f) => !monaco.includes(f)).join(', ') || 'none'}`,
			},
			{
				id: 'B2',
				metric: 'TypeScript worker or language fetched on intent',
				value: ts.length,
				unit: 'files',
				baseline: {
					label: 'files in the build',
					value: monaco.filter((f) => /ts\.worker|tsMode/.test(f)).length,
				},
				target: '0',
				pass: ts.length === 0,
				note: ts.join(', ') || undefined,
			},
		];
	},
};
export default bench;
