/** Scenarios added for the response view: what each sends, checked on the rendered frames. */
import { describe, expect, it } from 'vitest';
import { renderScenario } from '../../emulator/scenarios';

const contents = (frames: { text: string }[]) =>
	frames
		.map((f) => f.text)
		.filter((t) => t.startsWith('data: {'))
		.map((t) => JSON.parse(t.slice(6)) as { choices: { delta?: { content?: string } }[] })
		.map((c) => c.choices[0]?.delta?.content ?? '')
		.filter(Boolean);

describe('echo', () => {
	it('streams the last user message verbatim in pieces of 1 to 4 code points', () => {
		const content = '# Hi 🚀\n\n<img src=x onerror=alert(1)> [x](javascript:y) café 日本語';
		const rendered = renderScenario('echo', {
			messages: [
				{ role: 'user', content: 'first' },
				{ role: 'assistant', content: 'ok' },
				{ role: 'user', content },
			],
			stream: true,
		});
		if (rendered.kind !== 'sse') throw new Error('echo streams');
		const pieces = contents(rendered.frames);
		expect(pieces.join('')).toBe(content);
		expect(rendered.expected.text).toBe(content);
		for (const piece of pieces) expect(Array.from(piece).length).toBeLessThanOrEqual(4);
		expect(pieces.length).toBeGreaterThan(content.length / 4);
	});
});

describe('refusal and tool-calls-bad-json', () => {
	it('refusal sends refusal pieces and no content', () => {
		const rendered = renderScenario('refusal', { messages: [], stream: true });
		if (rendered.kind !== 'sse') throw new Error('streams');
		const refusal = rendered.frames
			.map((f) => f.text)
			.filter((t) => t.startsWith('data: {'))
			.map((t) => JSON.parse(t.slice(6)) as { choices: { delta?: { refusal?: string } }[] })
			.map((c) => c.choices[0]?.delta?.refusal ?? '')
			.join('');
		expect(refusal).toBe("I'm sorry, but I can't help with that.");
		expect(rendered.expected.text).toBe('');
	});

	it('tool-calls-bad-json sends arguments that do not parse', () => {
		const rendered = renderScenario('tool-calls-bad-json', { messages: [], stream: true });
		const args = rendered.expected.toolCalls[0]?.arguments ?? '';
		expect(() => JSON.parse(args)).toThrow();
	});
});
