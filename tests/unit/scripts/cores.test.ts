import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { niced } from '../../scripts/cores';

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
});
