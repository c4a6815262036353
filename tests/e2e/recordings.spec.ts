/**
 * Every response the live API was recorded sending (tests/fixtures/openrouter-recorded) goes through
 * the app byte for byte, served by the emulator's replay route, and the page must show what the
 * recording holds. The expected values are folded from the recording by recorded-outcome.ts, which
 * shares nothing with src/.
 */
import type { Locator } from '@playwright/test';
import { loadRecordings, type Recording } from '../emulator/recorded';
import { recordedOutcome, type RecordedOutcome } from '../emulator/recorded-outcome';
import { expect, test } from './fixtures';
import { sendRequest } from './response-helpers';

/** Words and numbers in order: markdown markup and whitespace differ between source and page. */
const words = (text: string) => text.match(/[\p{L}\p{N}]+/gu) ?? [];

/** The words a markdown source shows: an ordered list's numbers are drawn by CSS, not text. */
const shownWords = (markdown: string) => words(markdown.replace(/^[ \t>]*\d+[.)][ \t]/gm, ''));

/** How many times `needle` occurs in `haystack`, overlaps included. */
function occurrences(haystack: string, needle: string): number {
	let count = 0;
	for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) count++;
	return count;
}

function bodyFor(recording: Recording) {
	const { stream, extra } = recording.meta.request;
	return {
		model: `emulator/replay/${recording.name}`,
		messages: [{ role: 'user', content: 'Replay the recorded answer.' }],
		...extra,
		stream,
	};
}

async function checkError(region: Locator, error: NonNullable<RecordedOutcome['error']>) {
	const alert = region.getByRole('alert');
	await expect(alert).toHaveCount(1);
	await expect(alert).toContainText(String(error.status));
	await expect(alert).toContainText(error.message.trim());
	if (error.provider) await expect(alert).toContainText(error.provider);
	if (error.reasons.length > 0) await expect(alert).toContainText(error.reasons.join(', '));
	if (error.flaggedInput) await expect(alert).toContainText(error.flaggedInput);
	if (error.raw) await expect(alert).toContainText(error.raw);
	for (const [name, value] of error.rateLimits)
		await expect(alert).toContainText(`${name} ${value}`);
}

async function checkUsage(region: Locator, usage: NonNullable<RecordedOutcome['usage']>) {
	const box = region.getByRole('region', { name: 'Usage' });
	const stat = (label: string, value: number) =>
		expect(box).toContainText(new RegExp(`${label}\\s*${value} tok`));
	if (usage.prompt !== null) await stat('Prompt', usage.prompt);
	if (usage.completion !== null) await stat('Completion', usage.completion);
	if (usage.reasoning) await stat('Reasoning', usage.reasoning);
	if (usage.cost !== null) {
		const shown = /Cost\s*\$([\d.]+)/.exec((await box.textContent()) ?? '')?.[1];
		expect(shown, 'the cost is shown').toBeDefined();
		// Rounded for display: within half a millionth of a dollar, whatever the format.
		expect(Math.abs(Number(shown) - usage.cost)).toBeLessThanOrEqual(5e-7);
	}
}

async function checkToolCalls(region: Locator, calls: RecordedOutcome['toolCalls']) {
	const list = region.getByRole('region', { name: 'Tool calls' });
	const articles = list.getByRole('article');
	await expect(articles).toHaveCount(calls.length);
	for (const [i, call] of calls.entries()) {
		await expect(articles.nth(i)).toContainText(call.name);
		const shown = (await articles.nth(i).locator('pre').textContent()) ?? '';
		expect(JSON.parse(shown), `arguments of ${call.name}`).toEqual(JSON.parse(call.arguments));
	}
}

async function checkCitations(region: Locator, citations: RecordedOutcome['citations']) {
	const box = region.getByRole('region', { name: 'Citations' });
	const urls = [...new Set(citations.map((c) => c.url))];
	// One source link per cited page; links inside an excerpt (rendered markdown) are not sources.
	const sources = box.locator(':scope > ol > li > a');
	await expect(sources).toHaveCount(urls.length);
	for (const citation of citations) {
		const link = sources.and(box.locator(`a[href="${citation.url}"]`));
		await expect(link).toHaveAttribute('rel', /noopener noreferrer/);
		if (citation.title) await expect(link).toHaveAccessibleName(citation.title);
		else await expect(link).not.toHaveAccessibleName('');
	}
}

for (const recording of loadRecordings()) {
	const outcome = recordedOutcome(recording);
	test(`${recording.name}: the page shows what the API sent (${recording.meta.replay.mode})`, async ({
		page,
	}) => {
		const ended = outcome.error ? 'Error' : 'Done';
		const { region, answer } = await sendRequest(page, bodyFor(recording), ended);

		if (outcome.text.trim()) {
			await expect(answer).toBeVisible();
			// Below the transcript and the reasoning, the answer may be off-screen, where the browser
			// skips rendering its blocks (content-visibility) and innerText reads nothing: look at it.
			await answer.scrollIntoViewIfNeeded();
			await expect
				.poll(async () => words((await answer.innerText()) ?? ''))
				.toEqual(shownWords(outcome.text));
		} else await expect(answer).toHaveCount(0);

		const reasoning = region.getByRole('region', { name: 'Reasoning' });
		if (outcome.reasoning) {
			// Reasoning renders as markdown, so its words are compared, in order, as for the answer.
			const phrase = (list: string[]) => ` ${list.join(' ')} `;
			const shown = phrase(words((await reasoning.textContent()) ?? ''));
			const sent = phrase(shownWords(outcome.reasoning));
			expect(occurrences(shown, sent), 'the reasoning, once').toBe(1);
		}
		for (const item of outcome.encrypted) {
			await expect(reasoning).toContainText('Encrypted reasoning');
			if (item.id) await expect(reasoning).toContainText(item.id);
		}
		if (!outcome.reasoning && outcome.encrypted.length === 0)
			await expect(reasoning).toHaveCount(0);

		if (outcome.toolCalls.length > 0) await checkToolCalls(region, outcome.toolCalls);
		else await expect(region.getByRole('region', { name: 'Tool calls' })).toHaveCount(0);

		if (outcome.citations.length > 0) await checkCitations(region, outcome.citations);

		const images = region.getByRole('region', { name: 'Images' }).getByRole('img');
		await expect(images).toHaveCount(outcome.images.length);
		for (const image of await images.all())
			await expect
				.poll(() => image.evaluate((img) => (img as HTMLImageElement).naturalWidth))
				.toBeGreaterThan(0);

		if (outcome.usage) await checkUsage(region, outcome.usage);

		if (outcome.error) await checkError(region, outcome.error);
		else {
			await expect(page.getByRole('alert')).toHaveCount(0);
			const served = region.getByLabel('Served by');
			await expect(served).toContainText(`finish: ${outcome.finishReason}`);
			if (outcome.nativeFinishReason && outcome.nativeFinishReason !== outcome.finishReason)
				await expect(served).toContainText(`native: ${outcome.nativeFinishReason}`);
		}
	});
}
