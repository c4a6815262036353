/**
 * The bundle budget rule, pure: measured gzip sizes against the committed budgets file.
 * A chunk may grow up to 5 % over its budget; a chunk without a budget fails (so a new chunk, such
 * as Monaco's, is budgeted on purpose); the JS loaded before anything lazy has a hard cap.
 */

/** Sizes in bytes after gzip -9, keyed by the file's path in dist/ without its content hash. */
export type Sizes = Record<string, number>;

export type Measurement = {
	chunks: Sizes;
	/** The entry chunk and everything it imports statically: what runs before any lazy import. */
	initialJs: number;
	initialFiles: string[];
	/** The same sizes keyed by the file's real path (two chunks may share a stable name). */
	files?: Sizes;
	/** Stylesheets index.html links: each blocks the first paint until it arrives. */
	blockingCss?: string[];
};

export type BudgetFile = {
	/** How to refresh this file; kept in the file so the person reading it knows. */
	comment?: string;
	initialJsCapBytes: number;
	growthAllowance: number;
	chunks: Sizes;
};

export const INITIAL_JS_CAP_BYTES = 50 * 1024;
export const GROWTH_ALLOWANCE = 0.05;
export const UPDATE_COMMAND = 'npm run budgets:update';

export type BudgetReport = { ok: boolean; failures: string[]; notes: string[] };

export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(2)} KB`;

const percent = (from: number, to: number): string =>
	`${to >= from ? '+' : ''}${(((to - from) / from) * 100).toFixed(1)} %`;

/** Every problem at once, each with its numbers, so one run shows everything. */
export function checkBudgets(measured: Measurement, budgets: BudgetFile): BudgetReport {
	const failures: string[] = [];
	const notes: string[] = [];
	const allowance = budgets.growthAllowance;
	for (const [name, size] of Object.entries(measured.chunks).sort()) {
		const budget = budgets.chunks[name];
		if (budget === undefined) {
			failures.push(
				`${name} (${kb(size)} gzip) has no budget. If this chunk is meant to exist, run \`${UPDATE_COMMAND}\` and commit tests/budgets.json.`,
			);
		} else if (size > budget * (1 + allowance)) {
			failures.push(
				`${name} grew from ${kb(budget)} to ${kb(size)} gzip (${percent(budget, size)}), over the ${allowance * 100} % allowance. Shrink it, or run \`${UPDATE_COMMAND}\` and explain the growth in the commit.`,
			);
		} else notes.push(`${name}: ${kb(size)} of ${kb(budget)} (${percent(budget, size)})`);
	}
	for (const name of Object.keys(budgets.chunks).sort()) {
		if (!(name in measured.chunks))
			notes.push(`${name} has a budget but is no longer built; \`${UPDATE_COMMAND}\` drops it.`);
	}
	for (const file of measured.blockingCss ?? [])
		failures.push(
			`index.html links the stylesheet ${file}, which blocks its first paint: inline it (vite.config.ts, inlineEntryCss).`,
		);
	const cap = Math.min(budgets.initialJsCapBytes, INITIAL_JS_CAP_BYTES);
	if (measured.initialJs > cap) {
		failures.push(
			`initial JS (${measured.initialFiles.join(' + ')}) is ${kb(measured.initialJs)} gzip, over the hard cap of ${kb(cap)}: move code behind a dynamic import().`,
		);
	} else notes.push(`initial JS: ${kb(measured.initialJs)} of the ${kb(cap)} cap`);
	return { ok: failures.length === 0, failures, notes };
}

/** The budgets file a fresh measurement gives: each chunk's budget is its current size. */
export function budgetsFrom(measured: Measurement): BudgetFile {
	const chunks: Sizes = {};
	for (const name of Object.keys(measured.chunks).sort()) chunks[name] = measured.chunks[name] ?? 0;
	return {
		comment: `gzip -9 bytes per built file (hash removed). Refresh with \`${UPDATE_COMMAND}\` and say why in the commit.`,
		initialJsCapBytes: INITIAL_JS_CAP_BYTES,
		growthAllowance: GROWTH_ALLOWANCE,
		chunks,
	};
}

/** `assets/index-LAMsTq0V.js` → `assets/index.js`: Vite's default `[name]-[hash]` file names. */
export function stableName(file: string): string {
	return file.replace(/-[A-Za-z0-9_-]{8}(\.[a-z0-9]+)$/i, '$1');
}

export type ManifestChunk = { file: string; isEntry?: boolean; imports?: string[]; css?: string[] };
export type Manifest = Record<string, ManifestChunk>;

/**
 * The page's entry chunks (those of an .html entry) plus their static imports, transitively; dynamic
 * imports are not followed. Other entries are not the page's JavaScript: the service worker
 * (`sw.js`) runs in its own thread, fetched only once the page has registered it after load.
 */
export function initialJsFiles(manifest: Manifest): string[] {
	const seen = new Set<string>();
	const visit = (key: string) => {
		const chunk = manifest[key];
		if (!chunk || seen.has(chunk.file)) return;
		seen.add(chunk.file);
		for (const next of chunk.imports ?? []) visit(next);
	};
	for (const [key, chunk] of Object.entries(manifest))
		if (chunk.isEntry && key.endsWith('.html')) visit(key);
	return [...seen].filter((file) => file.endsWith('.js')).sort();
}
