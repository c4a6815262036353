import { describe, expect, it } from 'vitest';
import { readLabFile, writeLabFile, type LabFile } from '../../../../src/core/lab/lab-file';

const lab: LabFile = {
	request: { model: 'a/b', messages: [{ role: 'user', content: 'Hi {{name}}' }] },
	variables: new Map([['name', 'Ada']]),
	cases: { columns: ['name'], rows: [['Grace'], ['Linus']] },
	columns: ['{}', '{"temperature":0.2}'],
	assertions: [
		{ kind: 'contains', value: 'Hi', ignoreCase: true },
		{ kind: 'json-pointer', pointer: '/a', expected: [1] },
	],
};
const file = (patch: Record<string, unknown>) =>
	JSON.stringify({ ...JSON.parse(writeLabFile(lab)), ...patch });

describe('lab file', () => {
	it('writes v1 and reads it back', () => {
		const text = writeLabFile(lab);
		expect(JSON.parse(text).v).toBe(1);
		expect(readLabFile(text)).toEqual({ ok: true, lab });
	});

	it.each([
		['not JSON', '{', 'it is not JSON'],
		['another version', file({ v: 2 }), 'version 2 is not 1'],
		['no messages', file({ request: { model: 'x' } }), 'it has no request with messages'],
		['a bad name', file({ variables: { 'a b': 'x' } }), 'variable a b is not text'],
		[
			'a ragged row',
			file({ cases: { columns: ['a'], rows: [['1', '2']] } }),
			'a case row does not match the columns',
		],
		['no columns', file({ columns: [] }), 'it needs 1 to 20 columns'],
		[
			'an unknown check',
			file({ assertions: [{ kind: 'eval', code: 'x' }] }),
			'an assertion is not one the lab knows',
		],
		[
			'a bad flag',
			file({ assertions: [{ kind: 'regex', pattern: 'a', flags: 'g' }] }),
			'an assertion is not one the lab knows',
		],
		['too deep', `${'['.repeat(200)}${']'.repeat(200)}`, 'it nests too deep'],
	])('refuses %s', (_, text, why) => {
		expect(readLabFile(text)).toEqual({ ok: false, error: `Not a lab file: ${why}.` });
	});

	it('keeps a __proto__ variable as data, in a Map', () => {
		const read = readLabFile(file({ variables: JSON.parse('{"__proto__": "x"}') }));
		expect(read.ok && read.lab.variables.get('__proto__')).toBe('x');
		expect(read.ok && Object.getPrototypeOf(read.lab.variables)).toBe(Map.prototype);
	});
});
