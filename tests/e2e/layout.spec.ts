import { KEYS, expect, saveKey, test } from './fixtures';

for (const width of [390, 1440]) {
	test(`at ${width} px nothing runs off the side of the screen`, async ({ page }) => {
		await page.setViewportSize({ width, height: 844 });
		await page.goto('./');
		await saveKey(page, KEYS.good);
		await page.getByRole('button', { name: 'Send' }).click();
		await expect(page.getByRole('region', { name: 'Response' }).getByRole('status')).toContainText(
			'Done',
		);
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth,
		);
		expect(overflow).toBe(0);
		for (const name of ['Send', 'Settings', 'API key']) {
			const box = await page.getByRole('button', { name }).boundingBox();
			expect(box, name).not.toBeNull();
			expect((box?.x ?? 0) + (box?.width ?? 0), name).toBeLessThanOrEqual(width);
		}
	});
}

for (const width of [390, 1440]) {
	test(`at ${width} px the title painted before the app runs stays where it is`, async ({
		page,
	}) => {
		await page.setViewportSize({ width, height: 844 });
		const title = page.getByRole('heading', { name: 'OpenRouter Playground' });
		// The first paint: index.html's own top bar, before any script has run.
		await page.route('**/assets/*.js', (route) => route.abort());
		await page.goto('./');
		await expect(title).toBeVisible();
		const painted = await title.boundingBox();
		await page.unroute('**/assets/*.js');
		await page.reload();
		await expect(page.getByRole('button', { name: 'API key' })).toBeVisible();
		expect(await title.boundingBox()).toEqual(painted);
	});
}
