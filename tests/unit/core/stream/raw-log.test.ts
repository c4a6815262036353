import { describe, expect, it } from 'vitest';
import { RawLog, maskKey } from '../../../../src/core/stream/raw-log';

describe('RawLog', () => {
	it('splits pieces into lines at LF, CRLF and CR, across piece boundaries', () => {
		const log = new RawLog();
		log.push(': OPENROUTER PROCESSING\n\nda', 1);
		log.push('ta: {"a":1}\r', 2);
		log.push('\n\r\ndata: [DONE]\r', 3);
		log.push('\r', 4);
		log.end(5);
		expect(log.lines).toEqual([
			{ at: 1, text: ': OPENROUTER PROCESSING' },
			{ at: 1, text: '' },
			{ at: 3, text: 'data: {"a":1}' },
			{ at: 3, text: '' },
			{ at: 4, text: 'data: [DONE]' },
			{ at: 5, text: '' },
		]);
		expect(log.toSse()).toBe(': OPENROUTER PROCESSING\n\ndata: {"a":1}\n\ndata: [DONE]\n\n');
		expect(log.gaps()).toEqual({ count: 1, p50: 1, p95: 1, max: 1 });
	});

	it('redacts a key in a line, even one split across pieces, by shape and the known key', () => {
		const sent = 'custom-proxy-token-0123456789';
		const log = new RawLog([sent]);
		log.push('{"error":{"message":"Authorization: Bearer sk-or-v1-te', 1);
		log.push(`st-0123456789abc and ${sent}"}}\n`, 2);
		log.push('data: sk-or-v1-test-at-the-end', 3);
		log.end(4);
		expect(log.toSse()).not.toContain('sk-or-v1-test');
		expect(log.toSse()).not.toContain(sent);
		expect(log.lines.map((l) => l.text)).toEqual([
			'{"error":{"message":"Authorization: Bearer [key hidden] and [key hidden]"}}',
			'data: [key hidden]',
		]);
	});

	it('gives the same lines whenever they are read: between pieces, mid-line, or once at the end', () => {
		const pieces = ['data: {"a"', ':1}\r', '\n\ndata: sk-or-v1-', 'test-0123456789\n', '\r\n: x'];
		const once = new RawLog();
		const often = new RawLog();
		const seen: number[] = [];
		pieces.forEach((piece, i) => {
			once.push(piece, i);
			often.push(piece, i);
			seen.push(often.lines.length);
		});
		once.end(9);
		often.end(9);
		expect(seen).toEqual([0, 0, 2, 3, 4]);
		expect(often.lines).toEqual(once.lines);
		expect(once.lines).toEqual([
			{ at: 2, text: 'data: {"a":1}' },
			{ at: 2, text: '' },
			{ at: 3, text: 'data: [key hidden]' },
			{ at: 4, text: '' },
			{ at: 9, text: ': x' },
		]);
	});

	it('masks keys', () => {
		expect(maskKey('sk-or-v1-test-abcdefgh1234')).toBe('sk-or-v1-…1234');
		expect(maskKey('short')).toBe('…');
	});
});
