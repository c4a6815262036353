import { cpus } from 'node:os';

type Times = { idle: number; nice: number; total: number };

/**
 * Cores spent over `ms` idle and running niced processes, from the kernel's counters (the load
 * average lags a minute behind).
 */
export async function coreUse(ms = 1000): Promise<{ idle: number; nice: number }> {
	const sample = () =>
		cpus().reduce<Times>(
			(sum, cpu) => {
				const t = cpu.times;
				return {
					idle: sum.idle + t.idle,
					nice: sum.nice + t.nice,
					total: sum.total + t.user + t.nice + t.sys + t.irq + t.idle,
				};
			},
			{ idle: 0, nice: 0, total: 0 },
		);
	const before = sample();
	await new Promise((resolve) => setTimeout(resolve, ms));
	const after = sample();
	const span = Math.max(1, after.total - before.total);
	const cores = cpus().length;
	return {
		idle: ((after.idle - before.idle) / span) * cores,
		nice: ((after.nice - before.nice) / span) * cores,
	};
}

/** Cores idle over `ms`. */
export const idleCores = async (ms = 1000) => (await coreUse(ms)).idle;

/** True when `idle` is every core (within a quarter of one): the machine is quiet. */
export const allIdle = (idle: number) => idle >= cpus().length - 0.25;

/**
 * Cores idle, over the quietest of up to `samples` spans of `measure()`: a second that looks busy
 * is measured again, so a process that is just ending (npm's own, as `npm test` starts) is not
 * taken for load, while a steady load (a CPU hog) is busy in every span. A quiet first span is the
 * answer at once.
 */
export async function quietestIdle(
	samples = 3,
	measure: () => Promise<number> = () => idleCores(),
): Promise<number> {
	let best = 0;
	for (let i = 0; i < samples; i++) {
		best = Math.max(best, await measure());
		if (allIdle(best)) break;
	}
	return best;
}

/**
 * How many CPU-bound processes a step may run side by side: the cores idle now (one when the
 * machine is busy), at most `max`. `asked` (an environment variable) overrides it. `what` names the
 * step in the line that says so. `idleNow` is a count already measured, to decide on.
 */
export async function sideBySide(
	what: string,
	max: number,
	asked?: string,
	idleNow?: number,
): Promise<number> {
	const wanted = Number(asked);
	if (asked && Number.isInteger(wanted) && wanted >= 1) return wanted;
	const idle = idleNow ?? (await idleCores());
	const count = Math.max(1, Math.min(max, Math.floor(idle + 0.25)));
	console.log(`${idle.toFixed(1)} of ${cpus().length} cores idle: ${what} ${count}`);
	return count;
}

/**
 * `command args` to run at a lower priority (`nice`, 0 to 19): such a process gets only what the
 * others leave of the cores. As is where there is no `nice` (Windows).
 *
 * `session`: the process is spawned in a session of its own (`detached`). Linux's autogroup then
 * weighs that session against the others as a whole, whatever the niceness inside it: two
 * `setsid nice -n 19` busy loops slowed two normal ones on this 2-core machine threefold, as much
 * as any other program would. Such a session's group is given the same niceness
 * (`/proc/self/autogroup`), where the kernel has autogroup; elsewhere `nice` alone does it.
 */
export function niced(
	nice: number,
	command: string,
	args: string[],
	{ session = false }: { session?: boolean } = {},
): [string, string[]] {
	if (nice <= 0 || process.platform === 'win32') return [command, args];
	const lowered = ['-n', String(nice), command, ...args];
	if (!session || process.platform !== 'linux') return ['nice', lowered];
	const script = `echo ${nice} > /proc/self/autogroup 2>/dev/null; exec nice "$@"`;
	return ['sh', ['-c', script, 'sh', ...lowered]];
}
