/**
 * Branches: every conversation that was sent (and every answer that came back) as a tree of
 * messages, so a resend or a regenerate keeps what it replaced as a sibling. The request's
 * `messages` stay the one source of truth: the tree only says which turns have siblings and what
 * the other branches hold. Immutable: each change returns a new tree sharing the old nodes.
 */
import { messageKey, type Message } from './message-key';
import { MAX_BRANCH_NODES } from './read-branches';

export { MAX_BRANCH_NODES, readBranches } from './read-branches';

export type BranchNode = {
	readonly message: Message;
	readonly children: readonly BranchNode[];
	/** When this branch was last used: switching to a turn follows its most recent continuation. */
	readonly at: number;
};
export type Branches = { readonly roots: readonly BranchNode[] };

export const NO_BRANCHES: Branches = { roots: [] };

/** Where the tree of the conversation being edited is kept between visits (io/branch-store.ts). */
export type BranchStore = {
	load(): Promise<Branches>;
	save(tree: Branches): Promise<void>;
};

const keys = new WeakMap<object, string>();
function keyOf(message: Message): string {
	let key = keys.get(message);
	if (key === undefined) keys.set(message, (key = messageKey(message)));
	return key;
}

function insert(nodes: readonly BranchNode[], path: readonly Message[], at: number): BranchNode[] {
	const [head, ...rest] = path;
	if (!head) return [...nodes];
	const key = keyOf(head);
	const i = nodes.findIndex((n) => keyOf(n.message) === key);
	const old = nodes[i];
	const node: BranchNode = old
		? { message: old.message, children: insert(old.children, rest, at), at }
		: { message: head, children: insert([], rest, at), at };
	return i === -1 ? [...nodes, node] : nodes.map((n, j) => (j === i ? node : n));
}

/**
 * The tree with `path` in it (a new branch where it differs), marked as the most recent. Past
 * `max` nodes the least recently used branches go, never the path just recorded, so the tree
 * stays readable when stored (see `readBranches`).
 */
export function recordPath(
	tree: Branches,
	path: readonly Message[],
	at: number,
	max = MAX_BRANCH_NODES,
): Branches {
	if (path.length === 0) return tree;
	return prune({ roots: insert(tree.roots, path, at) }, max);
}

/** Drops the least recently used branches (whole subtrees) until the tree has at most `max` nodes. */
function prune(tree: Branches, max: number): Branches {
	const parent = new Map<BranchNode, BranchNode | null>();
	const size = new Map<BranchNode, number>();
	const sizeOf = (node: BranchNode): number => {
		let n = 1;
		for (const child of node.children) {
			parent.set(child, node);
			n += sizeOf(child);
		}
		size.set(node, n);
		return n;
	};
	let total = 0;
	for (const root of tree.roots) {
		parent.set(root, null);
		total += sizeOf(root);
	}
	if (total <= max) return tree;
	// The most recent line (the latest child at every level) is kept whatever happens.
	const kept = new Set<BranchNode>();
	let level = tree.roots;
	while (level.length > 0) {
		const latest = level.reduce((a, b) => (b.at >= a.at ? b : a));
		kept.add(latest);
		level = latest.children;
	}
	const dropped = new Set<BranchNode>();
	const inDropped = (node: BranchNode) => {
		for (let p = parent.get(node); p; p = parent.get(p)) if (dropped.has(p)) return true;
		return false;
	};
	const candidates = [...size.keys()].filter((n) => !kept.has(n)).sort((a, b) => a.at - b.at);
	for (const node of candidates) {
		if (total <= max) break;
		if (inDropped(node)) continue;
		dropped.add(node);
		total -= size.get(node) ?? 1;
	}
	const rebuild = (nodes: readonly BranchNode[]): BranchNode[] =>
		nodes.filter((n) => !dropped.has(n)).map((n) => ({ ...n, children: rebuild(n.children) }));
	return { roots: rebuild(tree.roots) };
}

export type Siblings = { index: number; count: number };

/**
 * For each turn of `messages`, its place among the alternatives that were sent at that point (or
 * null where there is only one). A turn that was never sent is not among them: it has `index` -1.
 */
export function siblingsOf(tree: Branches, messages: readonly Message[]): (Siblings | null)[] {
	const result: (Siblings | null)[] = [];
	let level: readonly BranchNode[] | null = tree.roots;
	for (const message of messages) {
		if (!level || level.length === 0) {
			result.push(null);
			level = null;
			continue;
		}
		const key = keyOf(message);
		const index = level.findIndex((n) => keyOf(n.message) === key);
		result.push(level.length > 1 || index === -1 ? { index, count: level.length } : null);
		level = index === -1 ? null : (level[index]?.children ?? null);
	}
	return result;
}

/** The alternatives that follow `prefix` (the answers sent back to it), oldest first. */
export function childrenOf(tree: Branches, prefix: readonly Message[]): readonly BranchNode[] {
	let level: readonly BranchNode[] = tree.roots;
	for (const message of prefix) {
		const key = keyOf(message);
		const node = level.find((n) => keyOf(n.message) === key);
		if (!node) return [];
		level = node.children;
	}
	return level;
}

/**
 * The messages of another branch: the turns before `depth`, then alternative `index` at `depth`
 * and its most recently used continuation. Null when there is no such alternative.
 */
export function switchBranch(
	tree: Branches,
	messages: readonly Message[],
	depth: number,
	index: number,
): Message[] | null {
	const prefix = messages.slice(0, depth);
	let node: BranchNode | undefined = childrenOf(tree, prefix)[index];
	if (!node || prefix.length !== depth) return null;
	const path = [...prefix];
	while (node) {
		path.push(node.message);
		node = node.children.reduce<BranchNode | undefined>(
			(latest, child) => (!latest || child.at >= latest.at ? child : latest),
			undefined,
		);
	}
	return path;
}

/** Whether the tree holds any alternative at all (a tree of one line is not worth storing). */
export function hasAlternatives(tree: Branches): boolean {
	const stack: (readonly BranchNode[])[] = [tree.roots];
	while (stack.length > 0) {
		const level = stack.pop()!;
		if (level.length > 1) return true;
		for (const node of level) stack.push(node.children);
	}
	return false;
}
