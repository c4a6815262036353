import type { KeyStore } from '../../../src/core/key';
import type { StreamEvent, Usage } from '../../../src/core/stream/types';
import { Settings } from '../../../src/state/settings.svelte';

export function memoryKeys(key: string | null): KeyStore {
	let stored = key;
	return {
		load: async () => ({ key: stored, mode: 'device', notice: null }),
		save: async (k, mode) => ((stored = k), { ok: true, mode }),
		forget: async () => void (stored = null),
	};
}

export async function loadedSettings(key: string | null = 'sk-or-v1-test-unit'): Promise<Settings> {
	const settings = new Settings({
		keys: memoryKeys(key),
		apiBaseUrl: 'https://openrouter.ai/api/v1',
	});
	await settings.load();
	return settings;
}

export const textChunk = (
	content: string,
	finish: string | null = null,
	usage?: Usage,
): StreamEvent => ({
	type: 'chunk',
	chunk: {
		id: 'gen-1',
		choices: [{ index: 0, delta: { role: 'assistant', content }, finish_reason: finish }],
		...(usage ? { usage } : {}),
	},
});
