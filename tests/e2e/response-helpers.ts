import type { Page } from '@playwright/test';
import { KEYS, expect, response, saveKey, setRequest } from './fixtures';

/** Opens the app with a key, sends `body` and waits until the status reads `until`. */
export async function sendRequest(
	page: Page,
	body: Record<string, unknown>,
	until: 'Done' | 'Error' | 'Streaming' = 'Done',
) {
	await page.goto('./');
	await saveKey(page, KEYS.good);
	await setRequest(page, body);
	await page.getByRole('button', { name: 'Send' }).click();
	const parts = response(page);
	await expect(parts.status).toContainText(until, { timeout: 20_000 });
	return parts;
}

export const ask = (scenario: string, extra: Record<string, unknown> = {}) => ({
	model: `emulator/${scenario}`,
	messages: [{ role: 'user', content: 'What is the weather in Paris?' }],
	stream: true,
	...extra,
});

export const WEATHER_TOOL = {
	type: 'function',
	function: {
		name: 'get_weather',
		description: 'Current weather',
		parameters: {
			type: 'object',
			properties: {
				city: { type: 'string' },
				unit: { type: 'string', enum: ['celsius', 'fahrenheit'] },
			},
			required: ['city'],
			additionalProperties: false,
		},
	},
};
