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

	it('masks keys', () => {
		expect(maskKey('sk-or-v1-test-abcdefgh1234')).toBe('sk-or-v1-…1234');
		expect(maskKey('short')).toBe('…');
	});
});
