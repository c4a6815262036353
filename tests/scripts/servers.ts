/**
 * The one way the browser scripts (benchmarks, screenshots, demo, e2e builds) build the app and
 * start what it talks to: the emulator and a static host for the build, in this process, so a
 * script waits for nothing and `close()` stops everything it started. The Playwright config keeps
 * its own declarative `webServer` list.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmulator, type Emulator, type EmulatorOptions } from '../emulator/server';
import { typescript } from './bin';
import type { BuildTarget } from './build-apps';
import { niced } from './cores';
import { E2E, type E2ePorts } from './ports';
import { startStaticServer, type StaticServerOptions } from './static-server';

const BUILD_SCRIPT = fileURLToPath(new URL('./build-apps.ts', import.meta.url));

/** The command that builds `targets` in one process (build-apps.ts), and the file it reports to. */
function buildCommand(targets: readonly BuildTarget[]): {
	command: [string, string[]];
	report: string;
} {
	const report = join(mkdtempSync(join(tmpdir(), 'playground-builds-')), 'failed.json');
	return { command: typescript(BUILD_SCRIPT, [JSON.stringify(targets), report]), report };
}

/** The `outDir` of each target that failed (all of them when the build process said nothing). */
function failedBuilds(targets: readonly BuildTarget[], report: string): string[] {
	try {
		return JSON.parse(readFileSync(report, 'utf8')) as string[];
	} catch {
		return targets.map((target) => target.outDir);
	} finally {
		rmSync(dirname(report), { recursive: true, force: true });
	}
}

/** `vite build` into `outDir` with extra environment (VITE_*); throws when the build fails. */
export function buildApp(outDir: string, env: Record<string, string> = {}): void {
	const targets = [{ outDir, env }];
	const { command, report } = buildCommand(targets);
	spawnSync(...command, { stdio: 'inherit' });
	if (failedBuilds(targets, report).length > 0)
		throw new Error(`the production build into ${outDir} failed`);
}

/**
 * Builds each target, one after the other in one process of its own (build-apps.ts), without
 * blocking this one; `nice` lowers its priority (cores.ts). Resolves to the `outDir` of each build
 * that failed.
 */
export function buildApps(targets: readonly BuildTarget[], nice = 0): Promise<string[]> {
	const { command, report } = buildCommand(targets);
	const child = spawn(...niced(nice, ...command), { stdio: 'inherit' });
	return new Promise((resolve) => child.on('close', () => resolve(failedBuilds(targets, report))));
}

/** The build the browser tests and screenshots use: the e2e emulator's API, Monaco on focus. */
export const e2eBuildEnv = (ports: E2ePorts = E2E) =>
	({
		VITE_OPENROUTER_BASE_URL: ports.apiBaseUrl,
		VITE_ALLOWED_API_ORIGINS: ports.altApiOrigin,
		// Monaco only when a test focuses the editor (or opts into idle loading); see io/editor-prefs.ts.
		VITE_EDITOR_MODE: 'focus',
	}) as const;

/**
 * Builds dist-e2e/ from the source as it is, for these ports. A build left there by another run may
 * be of older source, or point at another run's emulator port (E2E_EMULATOR_PORT): never reused.
 */
export function buildE2eApp(): void {
	buildApp(E2E.outDir, e2eBuildEnv());
}

export type Served = { server: Server; url: string; close(): Promise<void> };

/** A folder on the static host (`_headers`, gzip, base path), on `port` or a free one. */
export async function serveStatic(options: StaticServerOptions): Promise<Served> {
	const server = await startStaticServer(options);
	const { port } = server.address() as AddressInfo;
	return {
		server,
		url: `http://${options.host ?? '127.0.0.1'}:${port}${options.base ?? '/'}`,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

export type AppServers = {
	emulator: Emulator;
	/** The built app's URL (ends with its base path). */
	appUrl: string;
	close(): Promise<void>;
};

export type AppServerOptions = {
	/** A built app: this folder must hold index.html (build it first, e.g. with `buildApp`). */
	dist: string;
	appPort?: number;
	base?: string;
	emulator?: EmulatorOptions;
};

/** The emulator and the built app on a static host. */
export async function startAppServers(options: AppServerOptions): Promise<AppServers> {
	if (!existsSync(`${options.dist}/index.html`))
		throw new Error(`${options.dist}/index.html is missing: build the app first.`);
	const emulator = await startEmulator(options.emulator);
	const app = await serveStatic({ root: options.dist, port: options.appPort, base: options.base });
	return {
		emulator,
		appUrl: app.url,
		async close() {
			await app.close();
			await emulator.close();
		},
	};
}

/** Stops `servers` when the process is interrupted, then exits. */
export function closeOnSignal(servers: { close(): Promise<void> }): void {
	const stop = () => void servers.close().then(() => process.exit(0));
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}
