/**
 * The only globals `core/` may use: the ones every JavaScript runtime it runs in (browsers, Node,
 * workers) has, with no I/O and no page. `core/` is type-checked against this file and ES2023 alone
 * (tsconfig.core.json), so `window`, `document`, `location`, `fetch`, storage or `navigator` in
 * core fail the build. Declared as far as core uses them; the full types come from lib.dom in the
 * rest of the app, and this file is not part of that program.
 */
export {};

declare global {
	interface URLSearchParams {
		get(name: string): string | null;
		has(name: string): boolean;
		set(name: string, value: string): void;
		delete(name: string): void;
		toString(): string;
		[Symbol.iterator](): IterableIterator<[string, string]>;
	}
	var URLSearchParams: {
		new (init?: string | Record<string, string> | [string, string][]): URLSearchParams;
	};

	interface URL {
		hash: string;
		host: string;
		hostname: string;
		href: string;
		readonly origin: string;
		password: string;
		pathname: string;
		port: string;
		protocol: string;
		search: string;
		readonly searchParams: URLSearchParams;
		username: string;
		toString(): string;
	}
	var URL: { new (url: string | URL, base?: string | URL): URL };

	interface TextEncoder {
		encode(input?: string): Uint8Array;
	}
	var TextEncoder: { new (): TextEncoder };

	interface TextDecoder {
		decode(input?: ArrayBufferView | ArrayBuffer, options?: { stream?: boolean }): string;
	}
	var TextDecoder: { new (label?: string, options?: { fatal?: boolean }): TextDecoder };

	/** Only as far as reading goes: core decodes a response body it is handed. */
	interface ReadableStream<R = unknown> {
		getReader(): {
			read(): Promise<{ done: true; value?: undefined } | { done: false; value: R }>;
			cancel(reason?: unknown): Promise<void>;
		};
	}

	/** Cancellation, as every runtime has it: the lab's scheduler stops the cells it started. */
	interface AbortSignal {
		readonly aborted: boolean;
		readonly reason: unknown;
		addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
		removeEventListener(type: 'abort', listener: () => void): void;
	}
	interface AbortController {
		readonly signal: AbortSignal;
		abort(reason?: unknown): void;
	}
	var AbortController: { new (): AbortController };

	function structuredClone<T>(value: T): T;
	function atob(data: string): string;
	function btoa(data: string): string;
}
