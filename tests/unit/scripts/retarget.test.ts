import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { e2ePorts, emulatorOrigins } from '../../scripts/ports';
import { retarget } from '../../scripts/retarget';

const A = 'http://127.0.0.1:18787';
const B = 'http://localhost:18787';
const ORIGINS = [
	[A, 'http://127.0.0.1:18797'],
	[B, 'http://localhost:18797'],
] as const;

let dir: string;
const from = () => join(dir, 'from');
const to = () => join(dir, 'to');
const put = (path: string, text: string | Buffer) => {
	mkdirSync(join(from(), path, '..'), { recursive: true });
	writeFileSync(join(from(), path), text);
};
const read = (path: string) => readFileSync(join(to(), path), 'utf8');

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'retarget-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('retarget', () => {
	it('replaces every origin in the text files of a build, and only whole origins', () => {
		put('index.html', `<meta content="connect-src 'self' ${A} ${B}"><p>${A}0 stays</p>`);
		put('_headers', `/*\n  Content-Security-Policy: connect-src 'self' ${A} ${B}\n`);
		put('sw.js', JSON.stringify({ apiOrigins: [A, B] }));
		put('assets/index-abc.js', `const api=\`${A}/api/v1\`;const alt="${B}";`);
		put('assets/logo.png', Buffer.from([0x89, 0x50, ...Buffer.from(A)]));

		retarget(from(), to(), ORIGINS);

		expect(read('index.html')).toBe(
			`<meta content="connect-src 'self' http://127.0.0.1:18797 http://localhost:18797"><p>${A}0 stays</p>`,
		);
		expect(read('_headers')).toContain(
			"connect-src 'self' http://127.0.0.1:18797 http://localhost:18797",
		);
		expect(JSON.parse(read('sw.js'))).toEqual({
			apiOrigins: ['http://127.0.0.1:18797', 'http://localhost:18797'],
		});
		expect(read('assets/index-abc.js')).toBe(
			'const api=`http://127.0.0.1:18797/api/v1`;const alt="http://localhost:18797";',
		);
		// Not a text file: copied byte for byte.
		expect(readFileSync(join(to(), 'assets/logo.png'))).toEqual(
			readFileSync(join(from(), 'assets/logo.png')),
		);
		// The source build is left as it was.
		expect(readFileSync(join(from(), 'sw.js'), 'utf8')).toContain(A);
	});

	it('replaces in one pass: a new origin that is also an old one is not replaced again', () => {
		put('index.html', `${A} ${B}`);
		retarget(from(), to(), [
			[A, B],
			[B, A],
		]);
		expect(read('index.html')).toBe(`${B} ${A}`);
	});

	it('empties the target first: nothing of an older copy is left', () => {
		put('index.html', `${A} ${B}`);
		mkdirSync(to(), { recursive: true });
		writeFileSync(join(to(), 'stale.js'), 'old');
		retarget(from(), to(), ORIGINS);
		expect(() => read('stale.js')).toThrow();
	});

	it('refuses a build that does not hold an origin: that slot would talk to another emulator', () => {
		put('index.html', `connect-src 'self' ${A}`);
		expect(() => retarget(from(), to(), ORIGINS)).toThrow(
			`does not hold ${B}: it cannot be retargeted`,
		);
	});

	it('maps slot 0 to another slot by its emulator and its second API origin', () => {
		const origins = emulatorOrigins(e2ePorts(0), e2ePorts(1));
		expect(origins.map(([from]) => from)).toEqual([
			e2ePorts(0).emulatorOrigin,
			e2ePorts(0).altApiOrigin,
		]);
		expect(origins.map(([, to]) => to)).toEqual([
			e2ePorts(1).emulatorOrigin,
			e2ePorts(1).altApiOrigin,
		]);
		// The API base URL the build is given lies under the first origin.
		expect(e2ePorts(1).apiBaseUrl.startsWith(origins[0][1])).toBe(true);
	});
});
