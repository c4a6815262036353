import type { SendFn } from './playground.svelte';

/**
 * A SendFn whose code is a chunk of its own, loaded on demand. `preload` fetches it ahead of time
 * (in idle time after load); once it is there, a send calls the real one in the caller's own task,
 * so the request goes out before the view renders the new run (B5: ten tabs sending at once). A
 * send before that waits for the chunk.
 */
export function lazySend(load: () => Promise<{ send: SendFn }>): {
	send: SendFn;
	preload(): Promise<void>;
} {
	let loaded: SendFn | null = null;
	let loading: Promise<SendFn> | null = null;
	const get = () =>
		(loading ??= load().then(
			(module) => (loaded = module.send),
			(error: unknown) => {
				loading = null; // a failed chunk load may succeed on the next Send
				throw error;
			},
		));
	return {
		send: (body, options) =>
			loaded
				? loaded(body, options)
				: (async function* () {
						yield* (await get())(body, options);
					})(),
		preload: async () => void (await get()),
	};
}
