import { describe, expect, it } from 'vitest';
import { headerProblem, headersProblem } from '../../../src/core/http-header';

describe('headerProblem: what fetch would refuse, named', () => {
	it.each([
		['X-Title', 'My app'],
		['HTTP-Referer', 'https://my-app.example/path?q=1'],
		['X-Title', 'Café Größe'],
		['X-Title', '  trailing blanks and a final newline are trimmed by fetch\r\n'],
		['x-custom_1.2~', 'tab\tinside'],
	])('%s: %j is fine', (name, value) => {
		expect(headerProblem(name, value)).toBeNull();
	});

	it.each([
		['X-Title', 'a\r\nX-Injected: 1', 'X-Title has a line break'],
		['X-Title', 'a\nb', 'X-Title has a line break'],
		['X-Title', 'a\rb', 'X-Title has a line break'],
		['X-Title', 'a\0b', 'X-Title has a NUL'],
		['X-Title', 'Emoji 🚀', 'X-Title contains "🚀"'],
		['HTTP-Referer', 'https://例え.jp/', 'HTTP-Referer contains "例"'],
		['X Title', 'a', 'The header name "X Title" is not valid'],
		['X-Title:', 'a', 'The header name "X-Title:" is not valid'],
		['', 'a', 'The header name "" is not valid'],
		['X-Tïtle', 'a', 'is not valid'],
	])('%j: %j is refused', (name, value, message) => {
		expect(headerProblem(name, value)).toContain(message);
	});

	it('headersProblem gives the first problem of a set', () => {
		expect(headersProblem({ 'X-Title': 'ok', 'HTTP-Referer': 'a\nb' })).toContain('HTTP-Referer');
		expect(headersProblem({ 'X-Title': 'ok' })).toBeNull();
	});
});
