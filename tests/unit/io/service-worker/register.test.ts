import { afterEach, describe, expect, it, vi } from 'vitest';
import {
	registerServiceWorker,
	STAND_DOWN_REPLY_MS,
	type UpdateHandle,
} from '../../../../src/io/service-worker/register';

afterEach(() => vi.useRealTimers());

/** A worker and container with just enough behaviour: events, state, postMessage. */
function fakeWorker(state: string) {
	const target = new EventTarget();
	return Object.assign(target, { state, postMessage: vi.fn() });
}

function fakeContainer(options: {
	controlled: boolean;
	waiting?: ReturnType<typeof fakeWorker>;
	answers?: boolean | undefined;
}) {
	const registration = Object.assign(new EventTarget(), {
		waiting: options.waiting ?? null,
		installing: null as ReturnType<typeof fakeWorker> | null,
		update: vi.fn(async () => undefined),
	});
	const container = Object.assign(new EventTarget(), {
		controller: options.controlled ? runningVersion(options.answers ?? true) : null,
		register: vi.fn(async () => registration),
	});
	return { container, registration };
}

/** The version controlling the page: it answers a stand-down on the port sent (unless built before that). */
function runningVersion(answers: boolean) {
	return {
		postMessage: vi.fn((_message: unknown, ports?: MessagePort[]) => {
			if (answers) ports?.[0]?.postMessage({ type: 'stood-down' });
		}),
	};
}

/** Registers with a version already waiting; gives its update handle. */
async function waitingUpdate(options: { answers?: boolean } = {}) {
	const waiting = fakeWorker('installed');
	const { container } = fakeContainer({ controlled: true, waiting, answers: options.answers });
	const reload = vi.fn();
	let update: UpdateHandle | null = null;
	await registerServiceWorker({
		container: asContainer(container),
		onUpdateReady: (handle) => (update = handle),
		reload,
	});
	if (!update) throw new Error('no update offered');
	return { update: update as UpdateHandle, waiting, container, reload };
}

const asContainer = (c: unknown) => c as ServiceWorkerContainer;

describe('registerServiceWorker', () => {
	it('a stubbed register that gives no registration is quietly the same as no worker', async () => {
		const container = Object.assign(new EventTarget(), {
			controller: null,
			ready: new Promise(() => undefined),
			register: vi.fn(async () => undefined),
		});
		const onProblem = vi.fn();
		const onUpdateReady = vi.fn();
		await expect(
			registerServiceWorker({
				container: asContainer(container),
				onUpdateReady,
				onProblem,
				cacheLater: () => true,
			}),
		).resolves.toBeUndefined();
		expect(onProblem).not.toHaveBeenCalled();
		expect(onUpdateReady).not.toHaveBeenCalled();
	});

	it('registers sw.js relative to the base and says nothing on the first install', async () => {
		const { container, registration } = fakeContainer({ controlled: false });
		const onUpdateReady = vi.fn();
		await registerServiceWorker({ container: asContainer(container), onUpdateReady });
		expect(container.register).toHaveBeenCalledWith('/sw.js');
		const installing = fakeWorker('installing');
		registration.installing = installing;
		registration.dispatchEvent(new Event('updatefound'));
		installing.state = 'installed';
		installing.dispatchEvent(new Event('statechange'));
		expect(onUpdateReady).not.toHaveBeenCalled();
	});

	it('a new version waits; Reload asks it to take over, then reloads once it has', async () => {
		const { container, registration } = fakeContainer({ controlled: true });
		const reload = vi.fn();
		let update: UpdateHandle | null = null;
		await registerServiceWorker({
			container: asContainer(container),
			onUpdateReady: (handle) => (update = handle),
			reload,
		});
		expect(update).toBeNull();
		const installing = fakeWorker('installing');
		registration.installing = installing;
		registration.dispatchEvent(new Event('updatefound'));
		installing.state = 'installed';
		registration.waiting = installing;
		installing.dispatchEvent(new Event('statechange'));
		expect(update).not.toBeNull();
		expect(installing.postMessage).not.toHaveBeenCalled();
		expect(reload).not.toHaveBeenCalled();

		(update as unknown as UpdateHandle).apply();
		// The running version drops its open downloads first: they would keep the new one waiting.
		expect(container.controller?.postMessage).toHaveBeenCalledWith({ type: 'stand-down' }, [
			expect.any(MessagePort),
		]);
		await vi.waitFor(() =>
			expect(installing.postMessage).toHaveBeenCalledWith({ type: 'skip-waiting' }),
		);
		expect(reload).not.toHaveBeenCalled();
		container.dispatchEvent(new Event('controllerchange'));
		expect(reload).toHaveBeenCalledTimes(1);
	});

	it('Reload asks the new version to take over only once the running one has answered', async () => {
		// Started again for the message after being stopped while idle, the running version must be
		// running when the new one asks: only then does the browser stop it as soon as it is idle.
		const { update, waiting, container } = await waitingUpdate();
		let answer: MessagePort | undefined;
		container.controller?.postMessage.mockImplementation((_message, ports) => {
			answer = ports?.[0];
		});
		update.apply();
		expect(answer).toBeDefined();
		await new Promise((resolve) => setTimeout(resolve, 20));
		expect(waiting.postMessage).not.toHaveBeenCalled();
		answer?.postMessage({ type: 'stood-down' });
		await vi.waitFor(() =>
			expect(waiting.postMessage).toHaveBeenCalledWith({ type: 'skip-waiting' }),
		);
	});

	it('a running version that never answers (an older build) delays the takeover, not stops it', async () => {
		const { update, waiting } = await waitingUpdate({ answers: false });
		vi.useFakeTimers();
		update.apply();
		await vi.advanceTimersByTimeAsync(STAND_DOWN_REPLY_MS - 1);
		expect(waiting.postMessage).not.toHaveBeenCalled();
		await vi.advanceTimersByTimeAsync(1);
		expect(waiting.postMessage).toHaveBeenCalledWith({ type: 'skip-waiting' });
	});

	it('an uncontrolled page asks the new version at once', async () => {
		const { update, waiting, container } = await waitingUpdate();
		container.controller = null;
		update.apply();
		await vi.waitFor(() =>
			expect(waiting.postMessage).toHaveBeenCalledWith({ type: 'skip-waiting' }),
		);
	});

	it('a version already waiting at load is offered at once', async () => {
		const waiting = fakeWorker('installed');
		const { container } = fakeContainer({ controlled: true, waiting });
		const onUpdateReady = vi.fn();
		await registerServiceWorker({ container: asContainer(container), onUpdateReady });
		expect(onUpdateReady).toHaveBeenCalledTimes(1);
	});

	it('a refused registration becomes a notice, not an exception', async () => {
		const { container } = fakeContainer({ controlled: false });
		container.register.mockRejectedValueOnce(new Error('SecurityError'));
		const onProblem = vi.fn();
		await registerServiceWorker({
			container: asContainer(container),
			onUpdateReady: vi.fn(),
			onProblem,
		});
		expect(onProblem.mock.calls[0]?.[0]).toContain('Offline use is not available');
	});

	it('asks the active version for the later files once idle and passes on its answer', async () => {
		const { container } = fakeContainer({ controlled: true });
		let answer: MessagePort | undefined;
		const active = {
			postMessage: vi.fn((_message: unknown, ports?: MessagePort[]) => (answer = ports?.[0])),
		};
		const onCached = vi.fn();
		await registerServiceWorker({
			container: asContainer(Object.assign(container, { ready: Promise.resolve({ active }) })),
			onUpdateReady: vi.fn(),
			cacheLater: () => true,
			onCached,
		});
		await vi.waitFor(() =>
			expect(active.postMessage).toHaveBeenCalledWith({ type: 'cache-later' }, [
				expect.any(MessagePort),
			]),
		);
		answer?.postMessage({ type: 'cached', complete: false });
		await vi.waitFor(() => expect(onCached).toHaveBeenCalledWith(false));
		answer?.postMessage({ type: 'cached', complete: true });
		await new Promise((resolve) => setTimeout(resolve, 20));
		expect(onCached).toHaveBeenCalledTimes(1);
	});

	it('does not ask for the later files when the editor is not wanted', async () => {
		const { container } = fakeContainer({ controlled: true });
		const active = { postMessage: vi.fn() };
		await registerServiceWorker({
			container: asContainer(Object.assign(container, { ready: Promise.resolve({ active }) })),
			onUpdateReady: vi.fn(),
			cacheLater: () => false,
		});
		await new Promise((resolve) => setTimeout(resolve, 20));
		expect(active.postMessage).not.toHaveBeenCalled();
	});
});
