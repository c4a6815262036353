import { describe, expect, it } from 'vitest';
import { findHeadlessShell } from '../../scripts/chromium';

describe('findHeadlessShell', () => {
	it("finds Debian's chromium-headless-shell, then one on the PATH, else none", () => {
		const debian = (path: string) => path === '/usr/bin/chromium-headless-shell';
		const onPath = (name: string) =>
			name === 'chromium-headless-shell' ? '/home/me/bin/cs' : null;
		expect(findHeadlessShell(debian, onPath)).toBe('/usr/bin/chromium-headless-shell');
		expect(findHeadlessShell(() => false, onPath)).toBe('/home/me/bin/cs');
		expect(
			findHeadlessShell(
				() => false,
				() => null,
			),
		).toBeNull();
	});
});
