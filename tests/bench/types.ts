/** What a benchmark module exports, and what it reports. */
import type { Browser, BrowserContext, CDPSession, Page } from '@playwright/test';
import type { Emulator } from '../emulator/server';

export type Row = {
	/** B1…B8, or the id of a bench added later. */
	id: string;
	metric: string;
	value: number | null;
	unit: string;
	/** The same quantity for the reference implementation, measured in the same run. */
	baseline?: { label: string; value: number | null } | null;
	target?: string;
	/** null: informational, no target. */
	pass?: boolean | null;
	note?: string;
};

export type BenchContext = {
	/** The production build (pointed at `emulator`), served with its _headers and gzip. */
	appUrl: string;
	dist: string;
	/** Reference pages (tests/bench/baseline/) served without the app. */
	baselineUrl: string;
	/** HTTP/1.1 emulator the build talks to by default; `h2` is the same over HTTP/2 + TLS. */
	emulator: Emulator;
	h2: Emulator;
	browser: Browser;
	key: string;
	/** A fresh context (empty cache and storage) and page, with a CDP session. */
	newPage(options?: { ignoreHTTPSErrors?: boolean }): Promise<{
		context: BrowserContext;
		page: Page;
		cdp: CDPSession;
	}>;
	log(message: string): void;
};

export type Bench = {
	id: string;
	title: string;
	run(ctx: BenchContext): Promise<Row[]>;
};
