import { describe, expect, it } from 'vitest';
import {
	guessFormat,
	MAX_TABLE_CHARS,
	MAX_TABLE_COLUMNS,
	MAX_TABLE_ROWS,
	parseTable,
	rowValues,
	toCsv,
	toJsonl,
	toTsv,
	type Table,
	type TableFormat,
	type TableResult,
} from '../../../../src/core/lab/table';

const table = (result: TableResult): Table => {
	if (!result.ok) throw new Error(`${result.error} (line ${result.line})`);
	return result.table;
};

describe('CSV (RFC 4180)', () => {
	it('reads quotes, commas, doubled quotes and line breaks inside quoted cells', () => {
		const csv =
			'city,note\r\n' +
			'Paris,"a, b"\r\n' +
			'"Saint ""Malo""","two\r\nlines"\r\n' +
			'Lyon,"lf\nonly"\r\n';
		expect(table(parseTable(csv, 'csv'))).toEqual({
			columns: ['city', 'note'],
			rows: [
				['Paris', 'a, b'],
				['Saint "Malo"', 'two\r\nlines'],
				['Lyon', 'lf\nonly'],
			],
		});
	});

	it('reads LF files, no final line break, a BOM, and skips blank lines', () => {
		expect(table(parseTable('\ufeffa,b\n1,2\n\n3,4', 'csv'))).toEqual({
			columns: ['a', 'b'],
			rows: [
				['1', '2'],
				['3', '4'],
			],
		});
	});

	it('trims header names, pads short rows and drops empty extra cells', () => {
		expect(table(parseTable(' a , b \n1\n2,3,,\n', 'csv'))).toEqual({
			columns: ['a', 'b'],
			rows: [
				['1', ''],
				['2', '3'],
			],
		});
	});

	it('drops trailing empty header cells, as spreadsheets export them', () => {
		expect(table(parseTable('a,b,,\r\n1,2,,\r\n', 'csv'))).toEqual({
			columns: ['a', 'b'],
			rows: [['1', '2']],
		});
		expect(parseTable(',\n1,2\n', 'csv')).toEqual({
			ok: false,
			error: 'The first line names no columns',
		});
	});

	it('keeps a row of empty cells and an empty quoted single cell', () => {
		expect(table(parseTable('a,b\n,\n', 'csv')).rows).toEqual([['', '']]);
		expect(table(parseTable('a\n""\nx\n', 'csv')).rows).toEqual([[''], ['x']]);
	});

	it('reads a header without rows', () => {
		expect(table(parseTable('a,b\r\n', 'csv'))).toEqual({ columns: ['a', 'b'], rows: [] });
	});

	it.each([
		['', 'The table is empty', undefined],
		['\ufeff \n', 'The table is empty', undefined],
		['a,b\n1,"open\n2,3\n', 'Not valid CSV: a quoted cell is never closed', 2],
		['a,b\n1,2\n"x"y,3\n', 'Not valid CSV: text follows the closing quote of a cell', 3],
		['a,,b\n', 'Column 2 has no name', undefined],
		['a,b,a\n', 'Column "a" appears twice', undefined],
		['a,b\n1,2\n1,2,3\n', 'Row 2 has 3 cells but the header names 2 columns', undefined],
	])('refuses %j: %s', (csv, error, line) => {
		const result = parseTable(csv, 'csv');
		expect(result).toEqual(line === undefined ? { ok: false, error } : { ok: false, error, line });
	});
});

describe('TSV as pasted from a spreadsheet', () => {
	it('reads tabs, and quoted cells holding tabs, newlines and quotes', () => {
		const tsv = 'q\tanswer\n"multi\nline"\t"has\ttab"\nsay "hi"\t"""quoted"""\n';
		expect(table(parseTable(tsv, 'tsv'))).toEqual({
			columns: ['q', 'answer'],
			rows: [
				['multi\nline', 'has\ttab'],
				['say "hi"', '"quoted"'],
			],
		});
	});

	it('keeps commas as text', () => {
		expect(table(parseTable('a\tb\r\n1,5\t2\r\n', 'tsv')).rows).toEqual([['1,5', '2']]);
	});
});

describe('JSON Lines', () => {
	it('reads one object per line, stringifies non-strings, and ignores blank lines', () => {
		const jsonl =
			'{"city":"Paris","n":3}\r\n\n  \n{"n":true,"extra":{"a":[1]},"city":null}\n{"city":"é"}';
		expect(table(parseTable(jsonl, 'jsonl'))).toEqual({
			columns: ['city', 'n', 'extra'],
			rows: [
				['Paris', '3', ''],
				['null', 'true', '{"a":[1]}'],
				['é', '', ''],
			],
		});
	});

	it('writes columns in their order, even integer-like ones', () => {
		expect(toJsonl({ columns: ['b', '7', 'a'], rows: [['1', '2', '3']] })).toBe(
			'{"b":"1","7":"2","a":"3"}\n',
		);
	});

	it('keeps "__proto__" and "constructor" as ordinary columns', () => {
		const result = table(parseTable('{"__proto__":"p","constructor":"c"}\n', 'jsonl'));
		expect(result.columns).toEqual(['__proto__', 'constructor']);
		expect(rowValues(result, 0).get('__proto__')).toBe('p');
		expect(toJsonl(result)).toBe('{"__proto__":"p","constructor":"c"}\n');
	});

	it.each([
		['{"a":1}\n{"a":\n', 'Line 2 is not JSON', 2],
		['{"a":1}\n\n[1,2]\n', 'Line 3 is not a JSON object', 3],
		['"text"\n', 'Line 1 is not a JSON object', 1],
		[`{"a":${'['.repeat(200)}${']'.repeat(200)}}`, 'Line 1 nests deeper than 100 levels', 1],
		['{"":1}\n', 'Column 1 has no name', undefined],
	])('refuses %j with the line number', (jsonl, error, line) => {
		const result = parseTable(jsonl, 'jsonl');
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.error.startsWith(error)).toBe(true);
		expect(result.line).toBe(line);
	});
});

describe('bounds', () => {
	it('refuses text above the size limit before parsing', () => {
		const result = parseTable('a\n' + 'x'.repeat(MAX_TABLE_CHARS), 'csv');
		expect(result).toEqual({
			ok: false,
			error: 'The table is too large: 5\u00a0000\u00a0002 characters, at most 5\u00a0000\u00a0000',
		});
	});

	it.each(['csv', 'tsv', 'jsonl'] as const)(
		'takes %s rows up to the limit, and no more',
		(format) => {
			const rows = (n: number) =>
				format === 'jsonl' ? '{"a":"1"}\n'.repeat(n) : 'a\n' + '1\n'.repeat(n);
			expect(table(parseTable(rows(MAX_TABLE_ROWS), format)).rows).toHaveLength(MAX_TABLE_ROWS);
			const over = parseTable(rows(MAX_TABLE_ROWS + 1), format);
			expect(over.ok === false && over.error).toBe('The table has more than 10\u00a0000 rows');
		},
	);

	it('refuses more columns than the limit', () => {
		const keys = Array.from({ length: MAX_TABLE_COLUMNS + 1 }, (_, i) => `{"k${i}":"v"}`);
		expect(parseTable(keys.join('\n'), 'jsonl')).toMatchObject({ ok: false, line: 201 });
		const header = Array.from({ length: MAX_TABLE_COLUMNS + 1 }, (_, i) => `c${i}`).join(',');
		expect(parseTable(header, 'csv')).toEqual({
			ok: false,
			error: 'The table has 201 columns, at most 200',
		});
	});
});

describe('writing', () => {
	const sample: Table = {
		columns: ['plain', 'tricky'],
		rows: [
			['a', 'x,y'],
			['say "hi"', 'two\nlines'],
			['', '\ttab'],
		],
	};

	it('CSV quotes only where needed and ends lines with CRLF', () => {
		expect(toCsv(sample)).toBe(
			'plain,tricky\r\na,"x,y"\r\n"say ""hi""","two\nlines"\r\n,\ttab\r\n',
		);
	});

	it('TSV quotes cells holding tabs, quotes or line breaks', () => {
		expect(toTsv(sample)).toBe(
			'plain\ttricky\r\na\tx,y\r\n"say ""hi"""\t"two\nlines"\r\n\t"\ttab"\r\n',
		);
	});

	it('JSON Lines writes one object per row in column order', () => {
		expect(toJsonl(sample)).toBe(
			'{"plain":"a","tricky":"x,y"}\n{"plain":"say \\"hi\\"","tricky":"two\\nlines"}\n' +
				'{"plain":"","tricky":"\\ttab"}\n',
		);
	});

	it('rowValues maps column names to a row', () => {
		expect([...rowValues(sample, 1)]).toEqual([
			['plain', 'say "hi"'],
			['tricky', 'two\nlines'],
		]);
		expect([...rowValues(sample, 9)]).toEqual([
			['plain', ''],
			['tricky', ''],
		]);
	});
});

describe('guessFormat', () => {
	it.each([
		['{"a":1}\n', 'jsonl'],
		['\ufeff  {"a":1}', 'jsonl'],
		['a\tb\n1\t2', 'tsv'],
		['a,b\n1\t2', 'csv'],
		['a', 'csv'],
	])('%j is %s', (text, format) => {
		expect(guessFormat(text)).toBe(format);
	});
});

/** mulberry32: a small seeded generator, so a failing case can be replayed from its seed. */
function prng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const PIECES = [
	'a',
	'Z',
	'7',
	' ',
	'"',
	'""',
	',',
	'\t',
	'\n',
	'\r\n',
	'\r',
	'é',
	'日本',
	'😀',
	'\ufeff',
	'\\',
	'{',
	'}',
	"'",
	'=',
];

function randomText(random: () => number, maxPieces: number): string {
	let text = '';
	const n = Math.floor(random() * (maxPieces + 1));
	for (let i = 0; i < n; i++) text += PIECES[Math.floor(random() * PIECES.length)];
	return text;
}

function randomTable(random: () => number): Table {
	const width = 1 + Math.floor(random() * 4);
	const columns: string[] = [];
	while (columns.length < width) {
		// Header names are trimmed on reading and must be unique and non-empty; JSON.parse puts
		// integer-like keys first, so those would not keep their place in JSON Lines.
		const name = randomText(random, 4).trim();
		if (name !== '' && !/^\d+$/.test(name) && !columns.includes(name)) columns.push(name);
	}
	const height = Math.floor(random() * 6);
	const rows = Array.from({ length: height }, () => columns.map(() => randomText(random, 6)));
	return { columns, rows };
}

describe('round trips (seeded fuzz)', () => {
	const writers: [TableFormat, (t: Table) => string][] = [
		['csv', toCsv],
		['tsv', toTsv],
		['jsonl', toJsonl],
	];

	it.each(writers)('%s: what is written reads back the same', (format, write) => {
		for (let seed = 1; seed <= 400; seed++) {
			const random = prng(seed);
			const original = randomTable(random);
			// JSON Lines has no header line: a table without rows has nothing to write.
			if (format === 'jsonl' && original.rows.length === 0) continue;
			const written = write(original);
			const read = parseTable(random() < 0.3 ? `\ufeff${written}` : written, format);
			expect(read, `seed ${seed}`).toEqual({ ok: true, table: original });
		}
	});

	it('CSV written with LF line ends reads back the same', () => {
		for (let seed = 1; seed <= 200; seed++) {
			const original = randomTable(prng(seed));
			// Only line ends between records change; those inside quoted cells stay.
			const lf = toCsv(original).replace(/\r\n(?=(?:[^"]*"[^"]*")*[^"]*$)/g, '\n');
			expect(parseTable(lf, 'csv'), `seed ${seed}`).toEqual({ ok: true, table: original });
		}
	});
});
