/**
 * Reading a stored or imported branch tree (history records, the draft's branches): its own small
 * module, so the history store can check records without loading the conversation code.
 */
import type { Branches } from './branches';

/** Bounds for a stored tree: more than this is not a conversation anyone kept on purpose. */
export const MAX_BRANCH_NODES = 5000;
const MAX_DEPTH = 2000;

/**
 * A stored or imported tree, validated: plain objects as messages, numbers as times, bounded in
 * size and depth (checked without recursion, so a hostile file cannot overflow the stack).
 */
export function readBranches(value: unknown): Branches | null {
	if (typeof value !== 'object' || value === null || !Array.isArray((value as Branches).roots))
		return null;
	const stack: { nodes: unknown; depth: number }[] = [
		{ nodes: (value as Branches).roots, depth: 0 },
	];
	let count = 0;
	while (stack.length > 0) {
		const { nodes, depth } = stack.pop()!;
		if (!Array.isArray(nodes) || depth > MAX_DEPTH) return null;
		for (const node of nodes as unknown[]) {
			if (++count > MAX_BRANCH_NODES) return null;
			if (typeof node !== 'object' || node === null) return null;
			const { message, children, at } = node as Record<string, unknown>;
			const plain = typeof message === 'object' && message !== null && !Array.isArray(message);
			if (!plain || typeof at !== 'number' || !Number.isFinite(at)) return null;
			stack.push({ nodes: children, depth: depth + 1 });
		}
	}
	return value as Branches;
}
