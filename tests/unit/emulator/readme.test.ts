/** The emulator's README lists every scenario, and for each recording the scenario imitating it. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NEAREST } from '../../emulator/fidelity';
import { recordingNames } from '../../emulator/recorded';
import { SCENARIO_IDS } from '../../emulator/scenarios';

const readme = readFileSync(new URL('../../emulator/README.md', import.meta.url), 'utf8');
const section =
	readme.split('## Scenarios and the recordings they imitate')[1]?.split('\n## ')[0] ?? '';
const rows = new Map(
	[...section.matchAll(/^\|\s*`([^`]+)`\s*\|(.*)\|\s*$/gm)].map((m) => [m[1] ?? '', m[2] ?? '']),
);

describe('tests/emulator/README.md', () => {
	it('has one row per scenario, no more', () => {
		expect([...rows.keys()].sort()).toEqual([...SCENARIO_IDS].sort());
	});

	it.each(Object.entries(NEAREST))('names %s beside the scenario imitating it', (recording, id) => {
		const place = rows.get(id) ?? section;
		expect(place).toContain(`\`${recording}\``);
	});

	it('names every recording', () => {
		for (const name of recordingNames()) expect(section).toContain(name);
	});
});
