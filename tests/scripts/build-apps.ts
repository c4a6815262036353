/**
 * Builds the app once for each target, one after the other in this one process, and writes which
 * builds failed as JSON to the report file. Run by `buildApps` (servers.ts) as a process of its own,
 * so that a lower priority applies to it:
 *
 *     node --import tsx tests/scripts/build-apps.ts '<targets as JSON>' <report file>
 *
 * Each `vite build` in a process of its own started Node and Vite again and ran the Svelte compiler
 * and the bundler cold: the gate's three builds took 20.5 and 20.3 CPU-seconds that way, against
 * 17.2 and 14.5 here. The targets differ only in their environment (VITE_*), which the config reads
 * from `process.env` (vite.config.ts), so each build sets its own and puts the rest back after.
 */
import { writeFileSync } from 'node:fs';
import { build } from 'vite';

export type BuildTarget = { outDir: string; env?: Record<string, string> };

/** Builds each target; resolves to the `outDir` of each that failed, having said why. */
export async function buildTargets(targets: readonly BuildTarget[]): Promise<string[]> {
	const failed: string[] = [];
	for (const { outDir, env = {} } of targets) {
		const before = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
		Object.assign(process.env, env);
		try {
			await build({
				logLevel: 'warn',
				build: {
					outDir,
					emptyOutDir: true,
					// No one reads the size table at this log level; gzipping every chunk for it did not.
					reportCompressedSize: false,
					// Profiles name the source functions (tests/bench/README.md, BENCH_PROFILE).
					...(process.env.BENCH_PROFILE ? { sourcemap: true } : {}),
				},
			});
		} catch (error) {
			console.error(`the production build into ${outDir} failed: ${(error as Error).message}`);
			failed.push(outDir);
		} finally {
			for (const [name, value] of Object.entries(before))
				if (value === undefined) delete process.env[name];
				else process.env[name] = value;
		}
	}
	return failed;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const [targets, report] = process.argv.slice(2);
	if (!targets || !report) throw new Error('usage: build-apps.ts <targets as JSON> <report file>');
	const failed = await buildTargets(JSON.parse(targets) as BuildTarget[]);
	writeFileSync(report, JSON.stringify(failed));
	process.exit(failed.length > 0 ? 1 : 0);
}
