/** On a desktop screen the three panes fit it: nothing in the Request pane hides below its edge. */
import { KEYS, expect, saveKey, test } from './fixtures';

for (const viewport of [
	{ width: 1440, height: 900 },
	{ width: 1280, height: 720 },
])
	test(`at ${viewport.width}×${viewport.height} the cost estimate and the editor are in view, no pane scrolls`, async ({
		page,
	}) => {
		await page.setViewportSize(viewport);
		await page.goto('./');
		await saveKey(page, KEYS.good);
		const request = page.getByRole('region', { name: 'Request' });
		const estimate = request.getByLabel('Cost estimate');
		await expect(estimate).toBeVisible();
		await expect(estimate).toBeInViewport({ ratio: 1 });
		await expect(page.getByRole('combobox', { name: 'Editor' })).toBeInViewport({ ratio: 1 });
		const pane = await request.boundingBox();
		const editor = await page.getByRole('textbox', { name: 'Request JSON' }).boundingBox();
		expect(pane && editor).toBeTruthy();
		// The editor's lower edge is inside the pane, not scrolled away under the footer.
		expect((editor?.y ?? 0) + (editor?.height ?? 0)).toBeLessThanOrEqual(
			(pane?.y ?? 0) + (pane?.height ?? 0),
		);
		expect(editor?.height ?? 0).toBeGreaterThanOrEqual(150);
		const scrolling = await page.evaluate(() =>
			[...document.querySelectorAll('.pane-body')]
				.filter((body) => body.scrollHeight > body.clientHeight + 1)
				.map((body) => body.closest('section')?.getAttribute('aria-label')),
		);
		expect(scrolling).toEqual([]);
	});
