/**
 * Chromium driven over a bare DevTools pipe, for benches where the instrument must stay out of the
 * measurement: Playwright enables the Network domain on every page it drives, so each streamed chunk
 * also becomes a CDP event that the browser serialises and the runner parses (20 000 and more per
 * B5 round). Here only what the bench sends is done: targets, navigation, Runtime.evaluate.
 * Launch flags follow Playwright's defaults for headless Chromium.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';

type Pending = { resolve(value: unknown): void; reject(error: Error): void; method: string };
type Message = {
	id?: number;
	method?: string;
	params?: Record<string, unknown>;
	result?: unknown;
	error?: { message: string };
	sessionId?: string;
};

const FLAGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--hide-scrollbars',
	'--mute-audio',
	'--disable-field-trial-config',
	'--disable-background-networking',
	'--disable-background-timer-throttling',
	'--disable-backgrounding-occluded-windows',
	'--disable-back-forward-cache',
	'--disable-breakpad',
	'--disable-component-update',
	'--no-default-browser-check',
	'--disable-default-apps',
	'--disable-dev-shm-usage',
	'--disable-extensions',
	'--disable-hang-monitor',
	'--disable-ipc-flooding-protection',
	'--disable-popup-blocking',
	'--disable-renderer-backgrounding',
	'--force-color-profile=srgb',
	'--metrics-recording-only',
	'--no-first-run',
	'--password-store=basic',
	'--use-mock-keychain',
	'--disable-sync',
	// The HTTP/2 emulator's certificate is made at run time (tls.ts).
	'--ignore-certificate-errors',
	'--remote-debugging-pipe',
];

export class RawBrowser {
	#process: ChildProcess;
	#out: Writable;
	#profile: string;
	#next = 1;
	#pending = new Map<number, Pending>();
	#buffer = '';

	private constructor(child: ChildProcess, profile: string) {
		this.#process = child;
		this.#profile = profile;
		const [, , , toBrowser, fromBrowser] = child.stdio as [
			unknown,
			unknown,
			unknown,
			Writable,
			Readable,
		];
		this.#out = toBrowser;
		fromBrowser.setEncoding('utf8');
		fromBrowser.on('data', (text: string) => this.#receive(text));
		child.on('exit', () => {
			for (const p of this.#pending.values()) p.reject(new Error(`browser exited (${p.method})`));
			this.#pending.clear();
		});
	}

	static launch(executablePath: string): RawBrowser {
		const profile = mkdtempSync(join(tmpdir(), 'bench-raw-'));
		const child = spawn(executablePath, [...FLAGS, `--user-data-dir=${profile}`, 'about:blank'], {
			stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'],
		});
		return new RawBrowser(child, profile);
	}

	#receive(text: string): void {
		this.#buffer += text;
		let end: number;
		while ((end = this.#buffer.indexOf('\0')) >= 0) {
			const message = JSON.parse(this.#buffer.slice(0, end)) as Message;
			this.#buffer = this.#buffer.slice(end + 1);
			const pending = message.id === undefined ? undefined : this.#pending.get(message.id);
			if (!pending || message.id === undefined) continue;
			this.#pending.delete(message.id);
			if (message.error) pending.reject(new Error(`${pending.method}: ${message.error.message}`));
			else pending.resolve(message.result);
		}
	}

	send<T = Record<string, unknown>>(
		method: string,
		params: Record<string, unknown> = {},
		sessionId?: string,
	): Promise<T> {
		const id = this.#next++;
		const promise = new Promise<T>((resolve, reject) =>
			this.#pending.set(id, { resolve: resolve as (v: unknown) => void, reject, method }),
		);
		this.#out.write(`${JSON.stringify({ id, method, params, sessionId })}\0`);
		return promise;
	}

	/** A new tab in `context`, attached so the bench can drive it. */
	async newTab(context: string): Promise<RawTab> {
		const { targetId } = await this.send<{ targetId: string }>('Target.createTarget', {
			url: 'about:blank',
			browserContextId: context,
		});
		const { sessionId } = await this.send<{ sessionId: string }>('Target.attachToTarget', {
			targetId,
			flatten: true,
		});
		return new RawTab(this, sessionId);
	}

	async newContext(): Promise<string> {
		const { browserContextId } = await this.send<{ browserContextId: string }>(
			'Target.createBrowserContext',
			{ disposeOnDetach: true },
		);
		return browserContextId;
	}

	async closeContext(context: string): Promise<void> {
		await this.send('Target.disposeBrowserContext', { browserContextId: context });
	}

	async close(): Promise<void> {
		await this.send('Browser.close').catch(() => undefined);
		await new Promise((resolve) => {
			if (this.#process.exitCode !== null) resolve(null);
			else this.#process.once('exit', resolve);
		});
		rmSync(this.#profile, { recursive: true, force: true });
	}
}

export class RawTab {
	#browser: RawBrowser;
	#session: string;

	constructor(browser: RawBrowser, session: string) {
		this.#browser = browser;
		this.#session = session;
	}

	/** Evaluates `expression` in the page, awaiting a promise it returns; returns its JSON value. */
	async evaluate<T>(expression: string): Promise<T> {
		const { result, exceptionDetails } = await this.#browser.send<{
			result: { value?: T };
			exceptionDetails?: { exception?: { description?: string }; text: string };
		}>('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }, this.#session);
		if (exceptionDetails)
			throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
		return result.value as T;
	}

	/** Runs `script` in every document this tab loads from now on, before the page's own scripts. */
	async beforeLoad(script: string): Promise<void> {
		await this.#browser.send('Page.enable', {}, this.#session);
		await this.#browser.send(
			'Page.addScriptToEvaluateOnNewDocument',
			{ source: script },
			this.#session,
		);
	}

	async goto(url: string): Promise<void> {
		await this.#browser.send('Page.navigate', { url }, this.#session);
		await this.until('document.readyState === "complete"');
	}

	/** Polls `condition` (an expression) until it is true, or fails after `timeoutMs`. */
	async until(condition: string, timeoutMs = 30_000): Promise<void> {
		const end = Date.now() + timeoutMs;
		while (!(await this.evaluate<boolean>(`Boolean(${condition})`).catch(() => false))) {
			if (Date.now() > end) throw new Error(`timed out waiting for ${condition}`);
			await new Promise((resolve) => setTimeout(resolve, 50));
		}
	}
}
