import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
	DEFER_FROM_CHARS,
	createDeferredCommit,
	flushOnLeave,
	pauseFor,
} from '../../../../src/ui/editor/deferred-commit';

const big = (fill: string) => fill.repeat(DEFER_FROM_CHARS);
const MEGABYTE = 1_000_000;

describe('createDeferredCommit', () => {
	beforeEach(() => void vi.useFakeTimers());
	afterEach(() => void vi.useRealTimers());

	it('commits an ordinary request at once, every edit', () => {
		const commit = vi.fn();
		const committer = createDeferredCommit(commit);
		committer.push('{"a":1}');
		committer.push('{"a":12}');
		expect(commit.mock.calls).toEqual([['{"a":1}'], ['{"a":12}']]);
		expect(committer.pending).toBe(false);
	});

	it('commits a large request once typing pauses, with the latest text only', () => {
		const commit = vi.fn();
		const committer = createDeferredCommit(commit);
		const text = 'x'.repeat(MEGABYTE);
		committer.push(`${text}1`);
		vi.advanceTimersByTime(pauseFor(MEGABYTE) - 1);
		committer.push(`${text}12`);
		vi.advanceTimersByTime(pauseFor(MEGABYTE) - 1);
		expect(commit).not.toHaveBeenCalled();
		expect(committer.pending).toBe(true);
		vi.advanceTimersByTime(1);
		expect(commit.mock.calls).toEqual([[`${text}12`]]);
		expect(committer.pending).toBe(false);
	});

	it('flush commits the pending text now, once', () => {
		const commit = vi.fn();
		const committer = createDeferredCommit(commit);
		committer.push(big('a'));
		committer.flush();
		committer.flush();
		vi.runAllTimers();
		expect(commit.mock.calls).toEqual([[big('a')]]);
	});

	it('a small edit after a large pending one wins and commits at once', () => {
		const commit = vi.fn();
		const committer = createDeferredCommit(commit);
		committer.push(big('a'));
		committer.push('{}');
		vi.runAllTimers();
		expect(commit.mock.calls).toEqual([['{}']]);
	});

	it('cancel drops the pending text', () => {
		const commit = vi.fn();
		const committer = createDeferredCommit(commit);
		committer.push(big('a'));
		committer.cancel();
		vi.runAllTimers();
		committer.flush();
		expect(commit).not.toHaveBeenCalled();
	});
});

describe('pauseFor', () => {
	it('grows with the text, between 150 ms and 1 s', () => {
		expect(pauseFor(DEFER_FROM_CHARS)).toBe(150);
		expect(pauseFor(MEGABYTE)).toBe(500);
		expect(pauseFor(10 * MEGABYTE)).toBe(1000);
		expect(pauseFor(2 * MEGABYTE)).toBeGreaterThan(pauseFor(MEGABYTE));
	});
});

describe('flushOnLeave', () => {
	const setUp = () => {
		const commit = vi.fn();
		const committer = createDeferredCommit(commit);
		const editor = new EventTarget();
		const page = new EventTarget();
		const stop = flushOnLeave(editor as unknown as HTMLElement, committer, page);
		committer.push(big('a'));
		return { commit, committer, editor, page, stop };
	};
	const key = (init: Partial<KeyboardEvent>) => Object.assign(new Event('keydown'), init);

	it('commits when focus leaves the editor', () => {
		const { commit, editor } = setUp();
		editor.dispatchEvent(new Event('focusout'));
		expect(commit).toHaveBeenCalledTimes(1);
	});

	it('commits when anything on the page is clicked, before the click is handled', () => {
		const { commit, page } = setUp();
		page.dispatchEvent(new Event('pointerdown'));
		expect(commit).toHaveBeenCalledWith(big('a'));
	});

	it('commits before a shortcut (Ctrl/⌘/Alt + key), not for plain typing', () => {
		const { commit, editor } = setUp();
		editor.dispatchEvent(key({ key: 'x' }));
		expect(commit).not.toHaveBeenCalled();
		editor.dispatchEvent(key({ key: 'Enter', ctrlKey: true }));
		expect(commit).toHaveBeenCalledWith(big('a'));
	});

	it('commits when the editor goes away, and stops listening', () => {
		const { commit, committer, editor, page, stop } = setUp();
		stop();
		expect(commit).toHaveBeenCalledTimes(1);
		committer.push(big('b'));
		editor.dispatchEvent(new Event('focusout'));
		page.dispatchEvent(new Event('pointerdown'));
		expect(commit).toHaveBeenCalledTimes(1);
		expect(committer.pending).toBe(true);
	});
});
