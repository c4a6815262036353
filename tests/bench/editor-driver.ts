/** The request editor for B2 and B7: which build files are Monaco, the editor choice, keystrokes. */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { EditorMode } from '../../src/core/editor-mode';

type ManifestChunk = { file: string; src?: string; imports?: string[]; dynamicImports?: string[] };

/**
 * Every JS file only Monaco brings: what src/ui/editor/monaco.ts reaches through imports (static
 * and dynamic) that nothing else in the app reaches, and the workers.
 */
export function monacoFiles(dist: string): string[] {
	const manifest = JSON.parse(readFileSync(`${dist}/.vite/manifest.json`, 'utf8')) as Record<
		string,
		ManifestChunk
	>;
	const isMonaco = (key: string) => /src\/ui\/editor\/monaco\.ts$/.test(key);
	const reach = (roots: string[], skip: (key: string) => boolean) => {
		const seen = new Set<string>();
		const visit = (key: string) => {
			if (seen.has(key) || !manifest[key] || skip(key)) return;
			seen.add(key);
			for (const next of [
				...(manifest[key].imports ?? []),
				...(manifest[key].dynamicImports ?? []),
			])
				visit(next);
		};
		roots.forEach(visit);
		return seen;
	};
	const keys = Object.keys(manifest);
	const app = reach(
		keys.filter((k) => k.endsWith('.html')),
		isMonaco,
	);
	const monaco = reach(keys.filter(isMonaco), (k) => app.has(k));
	const workers = keys.filter((k) => /\.worker/.test(manifest[k]!.file));
	return [...new Set([...monaco, ...workers])]
		.map((k) => manifest[k]!.file)
		.filter((f) => f.endsWith('.js'));
}

export const requestEditor = (page: Page) => page.getByRole('textbox', { name: 'Request JSON' });

/** Chooses the editor before the app starts, as the Editor select does (io/editor-prefs.ts). */
export async function chooseEditor(page: Page, mode: EditorMode): Promise<void> {
	await page.addInitScript((m) => {
		localStorage.setItem('openrouter-playground:editor', JSON.stringify({ v: 1, mode: m }));
	}, mode);
}

/** Puts text in the plain field with one input event, like a paste (before Monaco, if any). */
export async function pasteIntoPlainField(page: Page, text: string): Promise<void> {
	await requestEditor(page).evaluate((field, value) => {
		(field as HTMLTextAreaElement).value = value;
		field.dispatchEvent(new Event('input', { bubbles: true }));
	}, text);
}

/** A pretty-printed chat request of about 1 MB. */
export function megabyteRequest(): string {
	const paragraph = 'The quick brown fox jumps over the lazy dog, again and again. '.repeat(16);
	const messages = [];
	for (let i = 0; JSON.stringify(messages).length < 1_000_000; i++)
		messages.push({ role: i % 2 ? 'assistant' : 'user', content: `${i}: ${paragraph}` });
	return JSON.stringify({ model: 'emulator/text', messages, stream: true }, null, 2);
}

/**
 * Types `count` characters with the gaps given (in turn), and returns for each the time from keydown to the frame
 * after it was handled (the first rAF, then a task: after that frame's paint), measured in the page.
 */
export async function keystrokesToFrame(page: Page, count: number, gapsMs: number[]) {
	await page.evaluate(() => {
		const w = window as unknown as { __keys: number[] };
		w.__keys = [];
		addEventListener(
			'keydown',
			(event) => {
				const start = event.timeStamp;
				requestAnimationFrame(() => {
					const channel = new MessageChannel();
					channel.port1.onmessage = () => w.__keys.push(performance.now() - start);
					channel.port2.postMessage(null);
				});
			},
			{ capture: true },
		);
	});
	for (let i = 0; i < count; i++) {
		await page.keyboard.type(i % 5 === 4 ? ' ' : 'x');
		await page.waitForTimeout(gapsMs[i % gapsMs.length] ?? 300);
	}
	await page.waitForTimeout(500);
	return page.evaluate(() => (window as unknown as { __keys: number[] }).__keys);
}
