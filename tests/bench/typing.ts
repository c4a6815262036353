/**
 * `npx tsx tests/bench/typing.ts`: keystroke-to-frame latency while typing into a 1 MB request, in
 * the Monaco editor and in the plain field. A measurement, not a test: it prints median, p95 and max
 * (goal ≤ 50 ms). Run `npm run test:e2e` (or `npx tsx tests/scripts/e2e.ts <spec>`) once first so
 * dist-e2e/ exists. Uses E2E_APP_PORT.
 */
import { spawn } from 'node:child_process';
import { chromium, type Page } from '@playwright/test';
import { ensureChromium } from '../scripts/chromium';
import { E2E } from '../scripts/ports';

const KEYSTROKES = 60;

function bigRequest(): string {
	const messages = Array.from({ length: 1800 }, (_, i) => ({
		role: i % 2 ? 'assistant' : 'user',
		content: `Message ${i}: ${'lorem ipsum dolor sit amet '.repeat(20)}`,
	}));
	return JSON.stringify({ model: 'openai/gpt-4o-mini', messages, max_tokens: 100 }, null, 2);
}

/** Time from keydown to the frame after it was handled (rAF, then a task after paint). */
async function measure(page: Page, focus: () => Promise<void>): Promise<number[]> {
	await page.evaluate(() => {
		const w = window as unknown as { __lat: number[] };
		w.__lat = [];
		document.addEventListener(
			'keydown',
			() => {
				const t0 = performance.now();
				requestAnimationFrame(() => setTimeout(() => w.__lat.push(performance.now() - t0), 0));
			},
			true,
		);
	});
	await focus();
	for (let i = 0; i < KEYSTROKES; i++) {
		await page.keyboard.type(i % 10 === 9 ? ' ' : 'x');
		await page.waitForTimeout(60);
	}
	await page.waitForTimeout(300);
	return page.evaluate(() => (window as unknown as { __lat: number[] }).__lat);
}

function report(name: string, samples: number[]) {
	const sorted = [...samples].sort((a, b) => a - b);
	const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
	console.log(
		`${name}: n=${sorted.length} median=${at(0.5).toFixed(1)} ms p95=${at(0.95).toFixed(1)} ms max=${sorted.at(-1)!.toFixed(1)} ms`,
	);
}

async function setPlain(page: Page, text: string) {
	await page.getByRole('textbox', { name: 'Request JSON' }).evaluate((field, value) => {
		(field as HTMLTextAreaElement).value = value;
		field.dispatchEvent(new Event('input', { bubbles: true }));
	}, text);
}

const server = spawn(
	'npx',
	[
		'vite',
		'preview',
		'--outDir',
		E2E.outDir,
		'--port',
		String(E2E.appPort),
		'--strictPort',
		'--host',
		'127.0.0.1',
	],
	{ detached: true, stdio: 'ignore' },
);
await new Promise((resolve) => setTimeout(resolve, 2500));
const browser = await chromium.launch({ executablePath: ensureChromium(), args: ['--no-sandbox'] });
try {
	const text = bigRequest();
	console.log(`request: ${(text.length / 1024 / 1024).toFixed(2)} MB`);
	for (const mode of ['focus', 'plain'] as const) {
		const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
		await page.addInitScript(
			(m) =>
				localStorage.setItem('openrouter-playground:editor', JSON.stringify({ v: 1, mode: m })),
			mode,
		);
		await page.goto(`${E2E.appOrigin}/`);
		await setPlain(page, text);
		const box = page.getByRole('textbox', { name: 'Request JSON' });
		if (mode === 'focus') {
			await box.focus();
			await page.locator('.monaco-editor').first().waitFor();
			await page.waitForTimeout(1500);
			// Type inside the first message's content, as someone editing the request would.
			await page.keyboard.press('ControlOrMeta+Home');
			for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowDown');
			await page.keyboard.press('End');
			await page.keyboard.press('ArrowLeft');
			report('Monaco, 1 MB request', await measure(page, async () => {}));
		} else {
			report(
				'Plain field, 1 MB request',
				await measure(page, async () => {
					await box.focus();
					await box.evaluate((f) => (f as HTMLTextAreaElement).setSelectionRange(200, 200));
				}),
			);
		}
		await page.close();
	}
} finally {
	await browser.close();
	process.kill(-server.pid!);
}
