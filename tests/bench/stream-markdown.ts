/**
 * `npx tsx tests/bench/stream-markdown.ts` (on demand, not part of `npm test`): how fast the markdown
 * response view keeps up.
 *
 * A local OpenRouter-shaped SSE server streams N tokens of mixed markdown at 5 000 tok/s, one
 * `data:` event per token, stamping when each marker token was written. In the page, an observer
 * finds each marker when it enters the DOM and stamps the next animation frame (≈ the paint). The
 * same stream goes to the built app and to a plain-text-append baseline page, in the same run.
 * Reports send→paint latency p50/p95 for both, and the app's script time (CDP ScriptDuration) for
 * 10k and 20k tokens (goal: ≤ 2.2×, i.e. cost proportional to the text, not quadratic).
 */
import { spawn, spawnSync } from 'node:child_process';
import { createServer, type ServerResponse } from 'node:http';
import { chromium, type Page } from '@playwright/test';
import { ensureChromium } from '../scripts/chromium';
import { E2E } from '../scripts/ports';

const RATE = Number(process.env.BENCH_RATE ?? 5000);
const now = () => performance.timeOrigin + performance.now();

/** Mixed markdown, ~4 characters a token; every 50th token is a unique marker word. */
function corpus(tokens: number): string[] {
	const blocks = [
		'Streaming answers arrive token by token, and the view must keep up with **bold**, _italic_ and `inline code` without falling behind the network.\n\n',
		'## A heading\n\n',
		'- first item with [a link](https://example.org)\n- second item\n- third item with `code`\n\n',
		'```ts\nconst answer = await fetch(url, { method: "POST", body });\nfor (const line of lines) console.log(line);\n```\n\n',
		'| model | tokens | time |\n| --- | ---: | ---: |\n| a | 20 000 | 4 s |\n| b | 10 000 | 2 s |\n\n',
		'> A quote that goes on for a while, so that it wraps over more than one line in the pane.\n\n',
	];
	const words = blocks.join('').match(/\s*\S+|\s+/g) as string[];
	const out: string[] = [];
	for (let i = 0; out.length < tokens; i++) {
		const n = out.length;
		// A marker right after a fence opener would become the code block's language, not text.
		const marker = n % 50 === 25 && !out[n - 1]?.includes('```');
		out.push(marker ? ` zq${String(n).padStart(6, '0')}` : (words[i % words.length] as string));
	}
	return out;
}

const BASELINE = `<!doctype html><meta charset="utf-8"><title>baseline</title>
<div id="out" style="white-space:pre-wrap;width:400px;height:600px;overflow:auto;font:15px system-ui"></div>
<script type="module">
const out = document.getElementById('out');
let pending = '', scheduled = false;
const res = await fetch('/api/v1/chat/completions', { method: 'POST', body: JSON.stringify({ n: Number(location.hash.slice(1)) }) });
const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
let buffer = '';
for (;;) {
  const { done, value } = await reader.read();
  if (done) break;
  buffer += value;
  const events = buffer.split('\\n\\n');
  buffer = events.pop();
  for (const e of events) {
    if (!e.startsWith('data: ') || e === 'data: [DONE]') continue;
    pending += JSON.parse(e.slice(6)).choices[0]?.delta?.content ?? '';
  }
  if (!scheduled) { scheduled = true; requestAnimationFrame(() => { out.append(pending); pending = ''; scheduled = false; }); }
}
document.title = 'done';
</script>`;

/**
 * Injected before each page: stamps the frame after each marker enters the DOM. A string, because
 * tsx would wrap a function's inner functions in a helper the page does not have.
 */
const WATCH_MARKERS = `
window.__painted = {};
let waiting = [];
function scan(text) {
	for (const m of (text || '').matchAll(/zq\\d{6}/g)) if (!(m[0] in window.__painted)) waiting.push(m[0]);
}
const observer = new MutationObserver((mutations) => {
	for (const m of mutations) {
		if (m.type === 'characterData') scan(m.target.textContent);
		for (const node of m.addedNodes) scan(node.textContent);
	}
	if (waiting.length)
		requestAnimationFrame(() => {
			const at = performance.timeOrigin + performance.now();
			for (const id of waiting) window.__painted[id] ??= at;
			waiting = [];
		});
});
addEventListener('DOMContentLoaded', () =>
	observer.observe(document.body, { subtree: true, childList: true, characterData: true }),
);
`;

const sent = new Map<string, number>();

function stream(res: ServerResponse, n: number) {
	const tokens = corpus(n);
	res.writeHead(200, {
		'Content-Type': 'text/event-stream',
		'Access-Control-Allow-Origin': '*',
		'Access-Control-Expose-Headers': 'X-Generation-Id',
	});
	const start = now();
	let i = 0;
	const tick = () => {
		const due = Math.min(tokens.length, Math.floor(((now() - start) / 1000) * RATE) + 1);
		let text = '';
		for (; i < due; i++) {
			const token = tokens[i] as string;
			const chunk = {
				id: 'gen-bench',
				model: 'bench/markdown',
				choices: [{ index: 0, delta: { content: token } }],
			};
			text += `data: ${JSON.stringify(chunk)}\n\n`;
			const marker = /zq\d{6}/.exec(token)?.[0];
			if (marker) sent.set(marker, now());
		}
		if (text) res.write(text);
		if (i < tokens.length) setTimeout(tick, 1);
		else {
			const usage = { prompt_tokens: 10, completion_tokens: n, total_tokens: n + 10 };
			res.end(
				`data: ${JSON.stringify({ id: 'gen-bench', choices: [{ index: 0, delta: {}, finish_reason: 'stop' }], usage })}\n\ndata: [DONE]\n\n`,
			);
		}
	};
	tick();
}

const server = createServer((req, res) => {
	if (req.method === 'OPTIONS') {
		res.writeHead(204, {
			'Access-Control-Allow-Origin': '*',
			'Access-Control-Allow-Methods': 'POST',
			'Access-Control-Allow-Headers': req.headers['access-control-request-headers'] ?? '*',
		});
		return res.end();
	}
	if (req.url?.startsWith('/baseline')) {
		res.writeHead(200, { 'Content-Type': 'text/html' });
		return res.end(BASELINE);
	}
	let body = '';
	req.on('data', (c: Buffer) => (body += c));
	req.on('end', () => {
		const parsed = JSON.parse(body || '{}') as { n?: number; max_tokens?: number };
		stream(res, parsed.n ?? parsed.max_tokens ?? 1000);
	});
});

const pct = (values: number[], q: number) => {
	const s = values.slice().sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};

async function latencies(page: Page): Promise<number[]> {
	const painted = await page.evaluate(
		() => (window as unknown as { __painted: Record<string, number> }).__painted,
	);
	return Object.entries(painted).flatMap(([id, at]) =>
		sent.has(id) ? [at - (sent.get(id) as number)] : [],
	);
}

async function scriptTime(page: Page, run: () => Promise<void>): Promise<number> {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Performance.enable');
	const read = async () =>
		(await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ScriptDuration')
			?.value ?? 0;
	const before = await read();
	await run();
	return (await read()) - before;
}

async function runApp(page: Page, n: number): Promise<void> {
	sent.clear();
	await page.goto(`${E2E.appOrigin}/`);
	await page.getByRole('button', { name: 'API key' }).click();
	await page.getByLabel('OpenRouter API key').fill('sk-or-v1-test-bench-0001');
	await page.getByRole('radio', { name: 'This tab only' }).check();
	await page.getByRole('button', { name: 'Save key' }).click();
	const request = {
		model: 'bench/markdown',
		messages: [{ role: 'user', content: 'bench' }],
		max_tokens: n,
		stream: true,
	};
	await page.getByRole('textbox', { name: 'Request JSON' }).fill(JSON.stringify(request));
	await page.getByRole('button', { name: 'Send', exact: true }).click();
	await page
		.getByRole('region', { name: 'Response' })
		.getByRole('status')
		.filter({ hasText: 'Done' })
		.waitFor({ timeout: 120_000 });
	await page.waitForTimeout(200);
}

const build = spawnSync(
	'npx',
	['vite', 'build', '--outDir', E2E.outDir, '--emptyOutDir', '--logLevel', 'warn'],
	{
		stdio: 'inherit',
		env: {
			...process.env,
			VITE_OPENROUTER_BASE_URL: E2E.apiBaseUrl,
			VITE_ALLOWED_API_ORIGINS: E2E.altApiOrigin,
		},
	},
);
if (build.status !== 0) process.exit(build.status ?? 1);
await new Promise<void>((resolve) => server.listen(E2E.emulatorPort, '127.0.0.1', resolve));
const preview = spawn(
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
	{ detached: true },
);
await new Promise((resolve) => setTimeout(resolve, 2500));
const browser = await chromium.launch({
	executablePath: ensureChromium(),
	args: ['--no-sandbox', '--disable-gpu'],
});
try {
	const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
	await context.addInitScript({ content: WATCH_MARKERS });
	const results: Record<string, string> = {};
	const times: Record<number, number> = {};
	for (const n of [10_000, 20_000]) {
		const page = await context.newPage();
		times[n] = await scriptTime(page, () => runApp(page, n));
		if (n === 20_000) {
			const app = await latencies(page);
			results.app = `p50 ${pct(app, 0.5).toFixed(1)} ms, p95 ${pct(app, 0.95).toFixed(1)} ms (${app.length} markers)`;
		}
		await page.close();
	}
	const page = await context.newPage();
	sent.clear();
	await page.goto(`${E2E.emulatorOrigin}/baseline#20000`);
	await page.waitForFunction(() => document.title === 'done', null, { timeout: 120_000 });
	await page.waitForTimeout(200);
	const base = await latencies(page);
	results.baseline = `p50 ${pct(base, 0.5).toFixed(1)} ms, p95 ${pct(base, 0.95).toFixed(1)} ms (${base.length} markers)`;
	console.log(`\n20 000 tokens at ${RATE} tok/s, emulator send → paint:`);
	console.log(`  app (markdown): ${results.app}`);
	console.log(`  baseline (plain text append): ${results.baseline}`);
	const t10 = times[10_000] as number;
	const t20 = times[20_000] as number;
	console.log(
		`app script time: 10k ${t10.toFixed(2)} s, 20k ${t20.toFixed(2)} s, ratio ${(t20 / t10).toFixed(2)} (goal ≤ 2.2)`,
	);
} finally {
	await browser.close();
	// npx starts a child: end the whole process group we started.
	if (preview.pid) process.kill(-preview.pid);
	server.close();
}
