import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cpus } from 'node:os';
import { niced, quietestIdle } from '../../scripts/cores';

describe('niced', () => {
	it('runs a command as is at priority 0', () => {
		expect(niced(0, 'npx', ['eslint', '.'])).toEqual(['npx', ['eslint', '.']]);
	});

	it('runs it under nice at a lower priority', () => {
		const [command, args] = niced(19, 'sh', ['-c', 'echo $(nice)']);
		expect([command, args]).toEqual(['nice', ['-n', '19', 'sh', '-c', 'echo $(nice)']]);
		// `nice` alone prints the niceness it runs at: 19 more than this process's own.
		const own = Number(spawnSync('nice', { encoding: 'utf8' }).stdout.trim());
		const ran = spawnSync(command, args, { encoding: 'utf8' });
		expect(Number(ran.stdout.trim())).toBe(Math.min(19, own + 19));
	});

	it('in a session of its own, lowers that session too, where the kernel groups sessions', async () => {
		const [command, args] = niced(19, 'sh', ['-c', 'echo $(nice); cat /proc/self/autogroup'], {
			session: true,
		});
		// As `detached` spawns it: a new session, so its own autogroup (the gate's own is untouched).
		const child = spawn(command, args, { detached: true, stdio: ['ignore', 'pipe', 'inherit'] });
		let out = '';
		child.stdout.on('data', (data: Buffer) => (out += data.toString()));
		await new Promise((resolve) => child.on('close', resolve));
		const [niceness, group = ''] = out.trim().split('\n');
		const own = Number(spawnSync('nice', { encoding: 'utf8' }).stdout.trim());
		expect(Number(niceness)).toBe(Math.min(19, own + 19));
		if (process.platform === 'linux' && existsSync('/proc/self/autogroup')) {
			expect(group).toMatch(/^\/autogroup-\d+ nice 19$/);
			expect(readOwnGroup()).not.toBe(group);
			expect(readOwnGroup()).not.toMatch(/nice 19$/);
		}
	});
});

function readOwnGroup(): string {
	return spawnSync('cat', ['/proc/self/autogroup'], { encoding: 'utf8' }).stdout.trim();
}

describe('quietestIdle', () => {
	const cores = cpus().length;
	const spans = (...idle: number[]) => {
		const measured: number[] = [];
		const measure = async () => {
			const next = idle[measured.length] ?? 0;
			measured.push(next);
			return next;
		};
		return { measure, measured };
	};

	it('takes a quiet first span at once', async () => {
		const { measure, measured } = spans(cores, 0);
		expect(await quietestIdle(3, measure)).toBe(cores);
		expect(measured).toHaveLength(1);
	});

	it('measures a busy-looking span again, and stops at a quiet one (a process just ending)', async () => {
		const { measure, measured } = spans(cores - 0.6, cores - 0.1, 0);
		expect(await quietestIdle(3, measure)).toBe(cores - 0.1);
		expect(measured).toHaveLength(2);
	});

	it('is busy when every span is (a steady load), and says how idle the quietest was', async () => {
		const { measure, measured } = spans(0.1, 0.3, 0.2);
		expect(await quietestIdle(3, measure)).toBe(0.3);
		expect(measured).toHaveLength(3);
	});
});
