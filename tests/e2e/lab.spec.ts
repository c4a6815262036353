/**
 * The prompt lab, driven by accessible names: variables filled into Send, cases through CSV, and
 * a grid against the emulator's `by-content` scenario, where each cell's prompt picks its fate
 * (tests/emulator/README.md): echoes, a 429 that clears after a second, a mid-stream error.
 */
import { readFile } from 'node:fs/promises';
import { deflateRawSync } from 'node:zlib';
import type { Locator, Page } from '@playwright/test';
import { seriousViolations } from './axe';
import { KEYS, emulator, expect, saveKey, setRequest, test, WATCHED_PACE } from './fixtures';

async function openLab(page: Page, request: unknown): Promise<Locator> {
	await page.goto('./');
	await saveKey(page, KEYS.good);
	await setRequest(page, request);
	await page.getByRole('button', { name: 'Lab', exact: true }).click();
	const lab = page.getByRole('region', { name: 'Prompt lab' });
	await expect(lab).toBeVisible();
	return lab;
}

async function addCases(lab: Locator, name: string, values: string[]) {
	for (const [i, value] of values.entries()) {
		await lab.getByRole('button', { name: 'Add case' }).click();
		await lab.getByRole('textbox', { name: `${name}, case ${i + 1}` }).fill(value);
	}
}

const cell = (lab: Locator, row: number, column: number) =>
	lab.getByRole('button', { name: `Case ${row}, column ${column}`, exact: true });

test('variables are filled into what Send posts; a missing or empty one blocks Send by name', async ({
	page,
}) => {
	const lab = await openLab(page, {
		model: 'openai/gpt-4o-mini',
		messages: [{ role: 'user', content: 'Weather in {{city}} on {{day}}?' }],
		max_tokens: 20,
		stream: true,
	});
	await lab.getByRole('textbox', { name: 'city', exact: true }).fill('Lyon');
	await page.keyboard.press('Escape');
	await expect(lab).toBeHidden();
	const send = page.getByRole('button', { name: 'Send', exact: true });
	await expect(send).toBeDisabled();
	await expect(send).toHaveAttribute('title', 'Prompt lab: Missing value for day');

	await page.getByRole('button', { name: 'Lab', exact: true }).click();
	const day = lab.getByRole('textbox', { name: 'day', exact: true });
	await day.fill('x');
	await day.fill('');
	await expect(send).toHaveAttribute('title', 'Prompt lab: Empty value for day');
	await day.fill('Monday');
	await page.keyboard.press('Escape');
	await expect(send).toBeEnabled();
	// The Code panel shows the body as it will be sent.
	await expect(page.getByRole('region', { name: 'Code' })).toContainText(
		'Weather in Lyon on Monday?',
	);
	await send.click();
	await expect(page.getByRole('region', { name: 'Response' }).getByRole('status')).toContainText(
		'Done',
	);
	const [posted] = await emulator.chatRequests();
	expect((posted?.body as { messages: { content: string }[] }).messages[0]?.content).toBe(
		'Weather in Lyon on Monday?',
	);
});

test('cases from a CSV with a BOM and quoted newlines come back the same through export', async ({
	page,
}) => {
	const lab = await openLab(page, {
		model: 'openai/gpt-4o-mini',
		messages: [{ role: 'user', content: '{{city}}: {{note}}' }],
		stream: true,
	});
	const csv =
		'\ufeffcity,note\r\n"Lyon","line one\nline two"\r\n"São Paulo","has ""quotes"", and a comma"\r\n';
	const input = lab.getByLabel('Import cases (CSV or JSONL)');
	await input.setInputFiles({ name: 'cases.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
	await expect(lab.getByRole('textbox', { name: 'note, case 1' })).toHaveValue(
		'line one\nline two',
	);
	await expect(lab.getByRole('textbox', { name: 'note, case 2' })).toHaveValue(
		'has "quotes", and a comma',
	);
	await expect(lab.getByRole('textbox', { name: 'city, case 2' })).toHaveValue('São Paulo');

	const downloading = page.waitForEvent('download');
	await lab.getByRole('button', { name: 'Export cases as CSV' }).click();
	const exported = await readFile((await (await downloading).path()) as string, 'utf8');
	expect(exported).toBe(
		'city,note\r\nLyon,"line one\nline two"\r\nSão Paulo,"has ""quotes"", and a comma"\r\n',
	);
	// And the export reads back as the same cases.
	await input.setInputFiles({
		name: 'again.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(exported),
	});
	await expect(lab.getByRole('textbox', { name: 'note, case 3' })).toHaveValue(
		'line one\nline two',
	);
	await expect(lab.getByRole('textbox', { name: 'note, case 4' })).toHaveValue(
		'has "quotes", and a comma',
	);
});

test('a 5 × 3 grid: 429s back off and succeed, one mid-stream error, assertions per cell', async ({
	page,
}) => {
	const lab = await openLab(page, {
		model: 'emulator/by-content',
		messages: [{ role: 'user', content: 'Say {{word}}' }],
		max_tokens: 50,
		stream: true,
	});
	await addCases(lab, 'word', [
		'alpha',
		'beta [429-once]',
		'gamma',
		'delta [mid-stream-error@temperature=0.2]',
		'epsilon [429-once]',
	]);
	await lab.getByLabel('Model for a new column').fill('');
	await lab.getByRole('button', { name: 'Add column' }).click();
	await lab.getByRole('textbox', { name: 'Patch for column 2' }).fill('{"temperature": 0.2}');
	await lab.getByRole('button', { name: 'Add column' }).click();
	await lab.getByRole('textbox', { name: 'Patch for column 3' }).fill('{"seed": 7}');
	await expect(lab.getByText('Column 2: temperature 0.2')).toBeVisible();

	await lab.getByLabel('Check').selectOption('contains');
	await lab.getByLabel('Text', { exact: true }).fill('alpha');
	await lab.getByRole('button', { name: 'Add assertion' }).click();

	await lab.getByRole('button', { name: 'Run grid' }).click();
	// A rate-limited cell shows its wait, then finishes.
	await expect(lab.getByText(/waiting \d s \(rate limited\)/).first()).toBeVisible();
	for (let row = 1; row <= 5; row++)
		for (let column = 1; column <= 3; column++) {
			const failing = row === 4 && column === 2;
			await expect(cell(lab, row, column)).toHaveAccessibleDescription(
				failing ? /^error/ : /^done/,
				{ timeout: 15_000 },
			);
		}
	await expect(cell(lab, 4, 2)).toHaveAccessibleDescription(/error: Error during the stream/);
	await expect(cell(lab, 1, 1)).toHaveAccessibleDescription(/✓ pass/);
	await expect(cell(lab, 3, 3)).toHaveAccessibleDescription(/✗ fail: expected to contain "alpha"/);
	await expect(lab.getByLabel('Totals for column 1')).toContainText('pass 1/5 (20 %)');
	await expect(lab.getByLabel('Grid totals')).toContainText('14/15 done · 1 failed');

	// Each 429-once body was sent twice, every other body once: 15 cells + 6 retries.
	const bodies = (await emulator.chatRequests()).map((r) => JSON.stringify(r.body));
	expect(bodies).toHaveLength(21);
	expect(bodies.filter((b) => b.includes('[429-once]'))).toHaveLength(12);

	// A cell opens its whole run, as a single run shows: answer, usage, the bill, the raw exchange.
	await cell(lab, 1, 2).click();
	const answer = lab.getByRole('region', { name: 'Answer of Case 1, column 2' });
	await expect(answer.getByTestId('answer')).toContainText('Say alpha');
	await expect(answer).toContainText('Completion');
	await expect(answer.getByText('Explain the bill')).toBeVisible();
	await answer.getByText('Raw request and response').click();
	await expect(answer).toContainText('"temperature": 0.2');
	await expect(answer).toContainText('data: {');
	await expect(answer).toContainText('data: [DONE]');
	await expect(answer).not.toContainText(KEYS.good);
	// Nothing there sends from the playground: no tool-results form, no replay.
	await expect(answer.getByText('Replay on the same provider')).toHaveCount(0);

	// Filter: only the rows with a failure.
	await lab.getByLabel('Show').selectOption('failing');
	await expect(cell(lab, 1, 1)).toBeHidden();
	await expect(cell(lab, 2, 1)).toBeVisible();
});

test('a 60-case grid renders only the rows in view, reaches its last case, sorts and filters', async ({
	page,
}) => {
	const lab = await openLab(page, {
		model: 'emulator/by-content',
		messages: [{ role: 'user', content: 'Say {{word}}' }],
		stream: true,
	});
	// Every seventh case passes the check, from case 4 on: 4, 11, … 60.
	const words = Array.from({ length: 60 }, (_, i) =>
		i % 7 === 3 ? `w${i + 1} alpha` : `w${i + 1}`,
	);
	await lab.getByText('Paste from a spreadsheet').click();
	await lab.getByLabel('Rows from a spreadsheet, header first').fill(['word', ...words].join('\n'));
	await lab.getByRole('button', { name: 'Add pasted rows' }).click();
	await lab.getByLabel('Model for a new column').fill('');
	await lab.getByRole('button', { name: 'Add column' }).click();
	await lab.getByRole('textbox', { name: 'Patch for column 2' }).fill('{"seed": 2}');
	await lab.getByLabel('Check').selectOption('contains');
	await lab.getByLabel('Text', { exact: true }).fill('alpha');
	await lab.getByRole('button', { name: 'Add assertion' }).click();
	await lab.getByLabel('At most at once').fill('8');
	await lab.getByLabel('Ask before runs over (USD)').fill('100');
	await lab.getByRole('button', { name: 'Run grid' }).click();
	await expect(lab.getByLabel('Grid totals')).toContainText('120/120 done', { timeout: 60_000 });
	await expect(lab.getByLabel('Totals for column 2')).toContainText('pass 9/60');

	const table = lab.getByRole('table', { name: 'Results' });
	const rendered = table.locator('[role="row"][data-row]');
	await expect(table).toHaveAttribute('aria-rowcount', '61');
	expect(await rendered.count()).toBeLessThan(20);
	await expect(cell(lab, 60, 2)).toHaveCount(0);

	// Scrolled to the end, the last case is there, with its place in the table.
	await table.evaluate((t) => {
		const box = t.parentElement!;
		box.scrollTop = box.scrollHeight;
	});
	await expect(cell(lab, 60, 2)).toHaveAccessibleDescription(/✓ pass/);
	await expect(rendered.last()).toHaveAttribute('aria-rowindex', '61');
	expect(await rendered.count()).toBeLessThan(20);

	// Arrow keys walk into rows not rendered yet; the focused row stays while scrolled away.
	await cell(lab, 60, 2).focus();
	await page.keyboard.press('Control+Home');
	await expect(cell(lab, 1, 1)).toBeFocused();
	await page.keyboard.press('ArrowDown');
	await page.keyboard.press('ArrowRight');
	await expect(cell(lab, 2, 2)).toBeFocused();
	await table.evaluate((t) => {
		const box = t.parentElement!;
		box.scrollTop = box.scrollHeight;
	});
	await expect(cell(lab, 60, 1)).toBeVisible();
	await expect(cell(lab, 2, 2)).toBeFocused();

	// Sorted by passes, the passing cases come first; filtered, only they are left.
	await lab.getByLabel('Order').selectOption('passing');
	await table.evaluate((t) => (t.parentElement!.scrollTop = 0));
	await expect(rendered.first()).toHaveAttribute('data-row', '3');
	await expect(rendered.nth(1)).toHaveAttribute('data-row', '10');
	await lab.getByLabel('Order').selectOption('case');
	await lab.getByLabel('Show').selectOption('passing');
	await expect(table).toHaveAttribute('aria-rowcount', '10');
	await expect(rendered.first()).toHaveAttribute('data-row', '3');
	await expect(cell(lab, 1, 1)).toHaveCount(0);
	await table.evaluate((t) => {
		const box = t.parentElement!;
		box.scrollTop = box.scrollHeight;
	});
	await expect(cell(lab, 60, 1)).toHaveAccessibleDescription(/✓ pass/);
	await expect(rendered.last()).toHaveAttribute('aria-rowindex', '10');
	await lab.getByLabel('Show').selectOption('failing');
	await expect(table).toHaveAttribute('aria-rowcount', '52');
	await expect(cell(lab, 1, 1)).toHaveAccessibleDescription(/✗ fail/);
});

test.describe(() => {
	test.use({ tokenDelayMs: WATCHED_PACE });
	test('Stop all keeps the finished cells and stops the rest', async ({ page }) => {
		const lab = await openLab(page, {
			model: 'emulator/by-content',
			messages: [{ role: 'user', content: 'Say {{word}}' }],
			stream: true,
		});
		await addCases(lab, 'word', ['short', 'very [long]', 'never started']);
		await lab.getByLabel('At most at once').fill('1');
		await lab.getByRole('button', { name: 'Run grid' }).click();
		await expect(cell(lab, 1, 1)).toHaveAccessibleDescription(/^done/);
		await expect(cell(lab, 2, 1)).toHaveAccessibleDescription(/^streaming/);
		await lab.getByRole('button', { name: 'Stop all' }).click();
		await expect(cell(lab, 2, 1)).toHaveAccessibleDescription(/^stopped/);
		await expect(cell(lab, 3, 1)).toHaveAccessibleDescription(/^cancelled/);
		await expect(cell(lab, 1, 1)).toHaveAccessibleDescription(/^done/);
		expect(await emulator.chatRequests()).toHaveLength(2);
	});
});

test('a catastrophic regex is stopped in its worker; the page and the other checks carry on', async ({
	page,
}) => {
	const lab = await openLab(page, {
		model: 'emulator/by-content',
		messages: [{ role: 'user', content: 'Say {{word}}' }],
		stream: true,
	});
	await addCases(lab, 'word', [`${'a'.repeat(40)}!`, 'hello']);
	await lab.getByLabel('Check').selectOption('regex');
	await lab.getByLabel('Pattern').fill('(a+)+$');
	await lab.getByRole('button', { name: 'Add assertion' }).click();
	await lab.getByLabel('Pattern').fill('^Say');
	await lab.getByRole('button', { name: 'Add assertion' }).click();
	await lab.getByRole('button', { name: 'Run grid' }).click();
	await expect(cell(lab, 1, 1)).toHaveAccessibleDescription(
		/✗ fail: check stopped after 250 ms: the pattern takes too long/,
		{ timeout: 15_000 },
	);
	await expect(cell(lab, 2, 1)).toHaveAccessibleDescription(
		/✗ fail: expected to match \/\(a\+\)\+\$\//,
	);
	// The page answers while the worker was busy: the other check passed on the same cell.
	await cell(lab, 1, 1).click();
	await expect(lab.getByRole('region', { name: 'Answer of Case 1, column 1' })).toContainText(
		'✓ matches /^Say/',
	);
});

test('a lab link opens the lab and sends nothing; Copy lab link gives a link that opens it again', async ({
	page,
	context,
}) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	const file = {
		v: 1,
		request: {
			model: 'emulator/by-content',
			messages: [{ role: 'user', content: 'Say {{word}}' }],
			stream: true,
		},
		variables: { word: 'linked' },
		cases: { columns: ['word'], rows: [['from a link']] },
		columns: [{}, { temperature: 0.2 }],
		assertions: [{ kind: 'contains', value: 'link' }],
	};
	const hash = `#lab=${deflateRawSync(JSON.stringify(file)).toString('base64url')}`;
	await page.goto(`./${hash}`);
	const lab = page.getByRole('region', { name: 'Prompt lab' });
	await expect(
		lab.getByRole('status').filter({ hasText: 'Opened a lab from a link' }),
	).toBeVisible();
	await expect(lab.getByRole('textbox', { name: 'word, case 1' })).toHaveValue('from a link');
	await expect(lab.getByRole('textbox', { name: 'word', exact: true })).toHaveValue('linked');
	await expect(lab.getByText('Column 2: temperature 0.2')).toBeVisible();
	await expect(page).toHaveURL((url) => url.hash === '');
	await page.keyboard.press('Escape');
	await expect(page.getByRole('textbox', { name: 'Request JSON' })).toHaveValue(/Say \{\{word\}\}/);
	expect(await emulator.chatRequests()).toEqual([]);

	await page.getByRole('button', { name: 'Lab', exact: true }).click();
	await lab.getByRole('button', { name: 'Copy lab link' }).click();
	await expect(lab.getByText('Link copied')).toBeVisible();
	const link = await page.evaluate(() => navigator.clipboard.readText());
	expect(link).toMatch(/#lab=[\w-]+$/);
	const again = await context.newPage();
	await again.goto(link);
	const lab2 = again.getByRole('region', { name: 'Prompt lab' });
	await expect(lab2.getByRole('textbox', { name: 'word, case 1' })).toHaveValue('from a link');
	await again.close();
	expect(await emulator.chatRequests()).toEqual([]);
});

test('the lab with a finished grid has no serious axe violation', async ({ page }) => {
	const lab = await openLab(page, {
		model: 'emulator/by-content',
		messages: [{ role: 'user', content: 'Say {{word}}' }],
		stream: true,
	});
	await addCases(lab, 'word', ['one', 'two']);
	await lab.getByRole('button', { name: 'Run grid' }).click();
	await expect(cell(lab, 2, 1)).toHaveAccessibleDescription(/^done/);
	expect(await seriousViolations(page, { include: 'dialog.lab' })).toEqual([]);
});
