import { XSS_GROUPS } from '../fixtures/xss/payloads';
import { KEYS, expect, response, saveKey, setRequest, test, WATCHED_PACE } from './fixtures';

// The longest file of the suite (its four streams are watched at a model's pace) and the last to
// start: alone on one worker it ended the run 27 s after the other. Its tests share nothing, so
// both workers take them.
test.describe.configure({ mode: 'parallel' });

/**
 * Installed before the app: a sentinel the payloads call, and an observer that inspects the answer
 * after every DOM mutation, so a dangerous state that exists for one frame of a half-streamed link
 * is caught too.
 */
function watchAnswer() {
	const w = window as unknown as {
		__xss: () => void;
		__xssFired: boolean;
		__domProblems: string[];
	};
	w.__xssFired = false;
	w.__domProblems = [];
	w.__xss = () => (w.__xssFired = true);
	const FORBIDDEN =
		/^(script|iframe|frame|object|embed|meta|base|form|style|link|img|svg|math|input|textarea|select|video|audio|source|picture|template|noscript)$/i;
	const URL_ATTRS =
		/^(href|src|srcset|action|formaction|poster|background|xlink:href|srcdoc|data)$/i;
	const check = () => {
		const answer = document.querySelector('[data-testid="answer"]');
		if (!answer) return;
		for (const el of answer.querySelectorAll('*')) {
			if (FORBIDDEN.test(el.tagName)) w.__domProblems.push(`<${el.tagName}>`);
			for (const attr of el.attributes) {
				if (/^on/i.test(attr.name)) w.__domProblems.push(`${attr.name} on <${el.tagName}>`);
				if (attr.name === 'style') w.__domProblems.push(`style on <${el.tagName}>`);
				if (
					URL_ATTRS.test(attr.name) &&
					!(attr.name === 'href' && /^(https?:|mailto:)/i.test(attr.value))
				)
					w.__domProblems.push(`${attr.name}="${attr.value}" on <${el.tagName}>`);
			}
			if (
				el.tagName === 'A' &&
				el.getAttribute('target') === '_blank' &&
				!/noopener/.test(el.getAttribute('rel') ?? '')
			)
				w.__domProblems.push('target=_blank without noopener');
		}
	};
	new MutationObserver(check).observe(document, {
		subtree: true,
		childList: true,
		attributes: true,
		characterData: true,
	});
}

test.describe(() => {
	test.use({ tokenDelayMs: WATCHED_PACE });
	for (const [name, payloads] of Object.entries(XSS_GROUPS)) {
		test(`hostile output streamed token by token stays inert: ${name}`, async ({ page }) => {
			await page.addInitScript(watchAnswer);
			await page.goto('./');
			await saveKey(page, KEYS.good);
			const content = payloads.join('\n\n');
			await setRequest(page, {
				model: 'emulator/echo',
				messages: [{ role: 'user', content }],
				stream: true,
			});
			await page.getByRole('button', { name: 'Send' }).click();
			const { status, answer } = response(page);
			await expect(status).toContainText('Done', { timeout: 25_000 });
			// The payloads are there, as text.
			await expect(answer).toContainText(/__xss\(\)|attacker\.example/);
			const result = await page.evaluate(() => {
				const w = window as unknown as { __xssFired: boolean; __domProblems: string[] };
				return { fired: w.__xssFired, problems: [...new Set(w.__domProblems)] };
			});
			expect(result.problems).toEqual([]);
			expect(result.fired).toBe(false);
			// Links that survive are http(s) and open without opener or referrer.
			for (const link of await answer.locator('a').all()) {
				await expect(link).toHaveAttribute('href', /^https?:|^mailto:/);
				await expect(link).toHaveAttribute('rel', /noopener noreferrer/);
				await expect(link).toHaveAttribute('target', '_blank');
			}
			// The guard (fixtures.ts) fails the test on any request to attacker.example or a CSP violation.
		});
	}
});

test('a remote image is a placeholder until clicked, and then opens in a new tab only', async ({
	page,
}) => {
	await page.goto('./');
	await saveKey(page, KEYS.good);
	await setRequest(page, {
		model: 'emulator/echo',
		messages: [{ role: 'user', content: 'See ![chart](https://example.org/chart.png) here.' }],
		stream: true,
	});
	await page.getByRole('button', { name: 'Send' }).click();
	const { status, answer } = response(page);
	await expect(status).toContainText('Done');
	const placeholder = answer.getByRole('button', { name: /Image “chart” from example\.org/ });
	await expect(placeholder).toBeVisible();
	await expect(answer.locator('img')).toHaveCount(0);
	// Opening it is a navigation in a new tab without opener or referrer (the page's CSP keeps remote
	// images out of the page); window.open is replaced so no origin is contacted here.
	await page.evaluate(() => {
		const w = window as unknown as { __opened: unknown[] };
		window.open = (...args: unknown[]) => {
			w.__opened = args;
			return null;
		};
	});
	await placeholder.click();
	expect(
		await page.evaluate(() => (window as unknown as { __opened: unknown[] }).__opened),
	).toEqual(['https://example.org/chart.png', '_blank', 'noopener,noreferrer']);
});

test('markdown renders with code blocks that copy', async ({ page, context }) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await page.goto('./');
	await saveKey(page, KEYS.good);
	await setRequest(page, {
		model: 'emulator/echo',
		messages: [
			{
				role: 'user',
				content: '# Title\n\nSome **bold** text.\n\n```js\nconst a = 1 < 2;\n```\n\n- one\n- two',
			},
		],
		stream: true,
	});
	await page.getByRole('button', { name: 'Send' }).click();
	const { status, answer } = response(page);
	await expect(status).toContainText('Done');
	await expect(answer.getByRole('heading', { name: 'Title' })).toBeVisible();
	await expect(answer.locator('strong')).toHaveText('bold');
	await expect(answer.getByRole('listitem')).toHaveCount(2);
	await answer.getByRole('button', { name: 'Copy this code' }).click();
	await expect(answer.getByRole('button', { name: 'Copy this code' })).toHaveText('Copied');
	expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('const a = 1 < 2;');
});
