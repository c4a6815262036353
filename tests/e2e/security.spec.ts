import { expect, test } from './fixtures';

test('the production CSP is on: an injected inline script is blocked and reported', async ({
	page,
	guard,
}) => {
	await page.goto('./');
	const policy = await page
		.locator('meta[http-equiv="Content-Security-Policy"]')
		.getAttribute('content');
	expect(policy).toContain("script-src 'self'");
	expect(policy).not.toContain('unsafe-eval');
	expect(policy).toContain('connect-src');

	const ran = await page.evaluate(async () => {
		const w = window as unknown as { injected?: boolean };
		const script = document.createElement('script');
		script.textContent = 'window.injected = true';
		document.body.append(script);
		await new Promise((resolve) => setTimeout(resolve, 100));
		return w.injected === true;
	});
	expect(ran).toBe(false);
	await expect.poll(() => guard.cspViolations.length).toBeGreaterThan(0);
	expect(guard.cspViolations.join()).toContain('script-src');
	guard.allowCspViolations();
});

test('a fetch to a third origin is refused by connect-src', async ({ page, guard }) => {
	await page.goto('./');
	const outcome = await page.evaluate(() =>
		fetch('https://example.com/x').then(
			() => 'reached',
			() => 'blocked',
		),
	);
	expect(outcome).toBe('blocked');
	await expect.poll(() => guard.cspViolations.join()).toContain('connect-src');
	guard.allowCspViolations();
});
