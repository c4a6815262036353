/**
 * `npm run bench [-- B1 B6 …]`: runs every tests/bench/bench-*.ts module (or the ids given) against
 * the production build and the emulator, and writes bench-results/results.{md,json}. Each module
 * default-exports a `Bench` (types.ts); drop a new file in and it runs.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { OUT, createContext } from './context';
import type { Bench, Row } from './types';

const here = fileURLToPath(new URL('.', import.meta.url));

async function loadBenches(ids: string[]): Promise<Bench[]> {
	const files = readdirSync(here)
		.filter((f) => /^bench-.+\.ts$/.test(f))
		.sort();
	const benches: Bench[] = [];
	for (const file of files) {
		const mod = (await import(`./${file}`)) as { default?: Bench; benches?: Bench[] };
		for (const bench of mod.benches ?? (mod.default ? [mod.default] : [])) benches.push(bench);
	}
	const chosen = ids.length ? benches.filter((b) => ids.includes(b.id)) : benches;
	return chosen.sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
}

const show = (value: number | null, unit: string) =>
	value === null ? '–' : `${value.toLocaleString('en-US')} ${unit}`.trim();

export function toMarkdown(rows: Row[], meta: Record<string, string>): string {
	const lines = [
		'| id | metric | value | baseline (same run) | target | ok |',
		'| --- | --- | --- | --- | --- | --- |',
	];
	for (const r of rows) {
		const baseline = r.baseline ? `${show(r.baseline.value, r.unit)} (${r.baseline.label})` : '';
		const ok = r.pass === true ? 'yes' : r.pass === false ? '**no**' : '';
		const value = `${show(r.value, r.unit)}${r.note ? ` — ${r.note}` : ''}`;
		lines.push(`| ${r.id} | ${r.metric} | ${value} | ${baseline} | ${r.target ?? ''} | ${ok} |`);
	}
	const about = Object.entries(meta).map(([k, v]) => `${k}: ${v}`);
	return `# Benchmarks\n\n${about.join(' · ')}\n\n${lines.join('\n')}\n`;
}

async function main() {
	const benches = await loadBenches(process.argv.slice(2));
	mkdirSync(OUT, { recursive: true });
	const ctx = await createContext();
	const version = ctx.browser.version();
	const rows: Row[] = [];
	try {
		for (const bench of benches) {
			console.log(`\n━━ ${bench.id} ${bench.title} ━━`);
			const started = Date.now();
			try {
				const got = await bench.run(ctx);
				rows.push(...got);
				for (const r of got) ctx.log(`${r.metric}: ${show(r.value, r.unit)}`);
			} catch (error) {
				rows.push({
					id: bench.id,
					metric: bench.title,
					value: null,
					unit: '',
					pass: false,
					note: `failed: ${(error as Error).message.split('\n')[0]}`,
				});
				console.error(error);
			}
			ctx.log(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);
		}
	} finally {
		await ctx.close();
	}
	const meta = {
		date: new Date().toISOString(),
		node: process.version,
		chromium: version,
		cpus: String((await import('node:os')).cpus().length),
	};
	writeFileSync(`${OUT}/results.json`, `${JSON.stringify({ meta, rows }, null, 2)}\n`);
	const markdown = toMarkdown(rows, meta);
	writeFileSync(`${OUT}/results.md`, markdown);
	console.log(`\n${markdown}\nwritten to ${OUT}/results.md and ${OUT}/results.json`);
	const missed = rows.filter((r) => r.pass === false);
	if (missed.length > 0) {
		console.error(`\n${missed.length} target(s) missed: ${missed.map((r) => r.id).join(', ')}`);
		process.exitCode = 1;
	}
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
