import { describe, expect, it } from 'vitest';
import {
	MAX_BRANCH_NODES,
	NO_BRANCHES,
	childrenOf,
	hasAlternatives,
	readBranches,
	recordPath,
	siblingsOf,
	switchBranch,
	type BranchNode,
} from '../../../../src/core/conversation/branches';
import type { Message } from '../../../../src/core/conversation/actions';

const user = (content: string): Message => ({ role: 'user', content });
const bot = (content: string): Message => ({ role: 'assistant', content });

describe('branches', () => {
	const first = [user('Q1'), bot('A1'), user('Q2'), bot('A2')];

	it('one sent line has no alternatives; a regenerate adds a sibling answer', () => {
		let tree = recordPath(NO_BRANCHES, first, 1);
		expect(hasAlternatives(tree)).toBe(false);
		expect(siblingsOf(tree, first)).toEqual([null, null, null, null]);
		tree = recordPath(tree, [...first.slice(0, 3), bot('A2 again')], 2);
		expect(hasAlternatives(tree)).toBe(true);
		expect(siblingsOf(tree, [...first.slice(0, 3), bot('A2 again')])).toEqual([
			null,
			null,
			null,
			{ index: 1, count: 2 },
		]);
		expect(childrenOf(tree, first.slice(0, 3)).map((n) => n.message)).toEqual([
			bot('A2'),
			bot('A2 again'),
		]);
	});

	it('an edited turn is not among what was sent (index -1), and the turns after it have no record', () => {
		const tree = recordPath(NO_BRANCHES, first, 1);
		const edited = [user('Q1'), bot('A1'), user('Q2 edited'), bot('A2')];
		expect(siblingsOf(tree, edited)).toEqual([null, null, { index: -1, count: 1 }, null]);
	});

	it('recording the same path again (keys in another order) adds nothing', () => {
		const tree = recordPath(NO_BRANCHES, first, 1);
		const reordered = first.map((m) => Object.fromEntries(Object.entries(m).reverse()));
		expect(recordPath(tree, reordered, 2).roots).toHaveLength(1);
		expect(hasAlternatives(recordPath(tree, reordered, 2))).toBe(false);
	});

	it('switching follows the most recently used continuation of the other branch', () => {
		let tree = recordPath(NO_BRANCHES, first, 1);
		const resent = [user('Q1'), bot('A1'), user('Q2 reworded'), bot('B2')];
		tree = recordPath(tree, resent, 2);
		expect(switchBranch(tree, resent, 2, 0)).toEqual(first);
		expect(switchBranch(tree, first, 2, 1)).toEqual(resent);
		// A later continuation of the first branch wins when switching back to it.
		tree = recordPath(tree, [...first, user('Q3'), bot('A3')], 3);
		expect(switchBranch(tree, resent, 2, 0)).toEqual([...first, user('Q3'), bot('A3')]);
		expect(switchBranch(tree, resent, 2, 5)).toBeNull();
		expect(switchBranch(tree, [], 2, 0)).toBeNull();
	});

	it('past its bound, the least recently used branches go, never the line just recorded', () => {
		let tree = NO_BRANCHES;
		for (let i = 0; i < 10; i++) tree = recordPath(tree, [user('Q'), bot(`A${i}`)], i, 6);
		const answers = childrenOf(tree, [user('Q')]).map((n) => n.message.content);
		expect(answers).toEqual(['A5', 'A6', 'A7', 'A8', 'A9']);
		// A long line is kept whole even when it alone passes the bound.
		const long = Array.from({ length: 8 }, (_, i) => user(`turn ${i}`));
		expect(siblingsOf(recordPath(tree, long, 20, 6), long)).toHaveLength(8);
		expect(switchBranch(recordPath(tree, long, 20, 6), long, 0, 0)).toEqual(long);
	});

	it('does not change the tree it is given', () => {
		const tree = recordPath(NO_BRANCHES, first, 1);
		const copy = structuredClone(tree);
		recordPath(tree, [user('Q1'), bot('other')], 2);
		expect(tree).toEqual(copy);
	});

	it('reads a stored tree, and refuses malformed, oversized or too deep ones without recursion', () => {
		const tree = recordPath(recordPath(NO_BRANCHES, first, 1), [user('Q1'), bot('x')], 2);
		expect(readBranches(JSON.parse(JSON.stringify(tree)))).toEqual(tree);
		expect(readBranches(null)).toBeNull();
		expect(readBranches({ roots: [{ message: 'x', children: [], at: 1 }] })).toBeNull();
		expect(readBranches({ roots: [{ message: {}, children: [], at: Infinity }] })).toBeNull();
		expect(readBranches({ roots: [{ message: {}, children: 'no', at: 1 }] })).toBeNull();
		const wide = Array.from({ length: MAX_BRANCH_NODES + 1 }, () => ({
			message: {},
			children: [],
			at: 1,
		}));
		expect(readBranches({ roots: wide })).toBeNull();
		let deep: BranchNode = { message: {}, children: [], at: 1 };
		for (let i = 0; i < 100_000; i++) deep = { message: {}, children: [deep], at: 1 };
		expect(readBranches({ roots: [deep] })).toBeNull();
	});
});
