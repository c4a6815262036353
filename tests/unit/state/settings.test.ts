import { describe, expect, it } from 'vitest';
import type { KeyMode, KeyStore } from '../../../src/core/key';
import { Settings } from '../../../src/state/settings.svelte';

/** Where each mode keeps the key, as io/key-store does: saving in one place empties the other. */
function placedKeys(key: string | null, mode: KeyMode = 'device') {
	const places: Record<KeyMode, string | null> = { device: null, tab: null };
	places[mode] = key;
	const store: KeyStore = {
		load: async () =>
			places.tab
				? { key: places.tab, mode: 'tab', notice: null }
				: { key: places.device, mode: 'device', notice: null },
		save: async (k, m) => {
			places.device = m === 'device' ? k : null;
			places.tab = m === 'tab' ? k : null;
			return { ok: true, mode: m };
		},
		forget: async () => void ((places.device = null), (places.tab = null)),
	};
	return { places, store };
}

async function loaded(store: KeyStore): Promise<Settings> {
	const settings = new Settings({ keys: store, apiBaseUrl: 'https://openrouter.ai/api/v1' });
	await settings.load();
	return settings;
}

describe('Settings.moveKey', () => {
	it('moves the saved key between this device and this tab without asking for it again', async () => {
		const { places, store } = placedKeys('sk-or-v1-test-unit');
		const settings = await loaded(store);
		expect(await settings.moveKey('tab')).toBeNull();
		expect(places).toEqual({ device: null, tab: 'sk-or-v1-test-unit' });
		expect(settings.mode).toBe('tab');
		expect(settings.readKey()).toBe('sk-or-v1-test-unit');
		expect(await settings.moveKey('device')).toBeNull();
		expect(places).toEqual({ device: 'sk-or-v1-test-unit', tab: null });
		expect(settings.mode).toBe('device');
	});

	it('does nothing without a key', async () => {
		const { places, store } = placedKeys(null);
		const settings = await loaded(store);
		expect(await settings.moveKey('tab')).toBeNull();
		expect(places).toEqual({ device: null, tab: null });
	});

	it('says so when the device refuses the key, which then stays in this tab', async () => {
		const { store } = placedKeys('sk-or-v1-test-unit', 'tab');
		const notice = 'The key could not be saved on this device. It is kept for this tab only.';
		const settings = await loaded({
			...store,
			save: async () => ({ ok: false, mode: 'tab', notice }),
		});
		expect(await settings.moveKey('device')).toBe(notice);
		expect(settings.mode).toBe('tab');
	});
});

describe('Settings.askForKey', () => {
	it('resumes what asked once a key is saved, and only once', async () => {
		const settings = await loaded(placedKeys(null).store);
		let resumed = 0;
		settings.askForKey(() => (resumed += 1));
		expect(settings.keyDialogOpen).toBe(true);
		await settings.saveKey('sk-or-v1-test-unit', 'device');
		settings.closeKeyDialog();
		settings.closeKeyDialog();
		expect(resumed).toBe(1);
		expect(settings.keyDialogOpen).toBe(false);
	});

	it('drops it when the dialog closes without a key', async () => {
		const settings = await loaded(placedKeys(null).store);
		let resumed = 0;
		settings.askForKey(() => (resumed += 1));
		settings.closeKeyDialog();
		await settings.saveKey('sk-or-v1-test-unit', 'device');
		settings.closeKeyDialog();
		expect(resumed).toBe(0);
	});
});
