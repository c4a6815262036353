/**
 * Diagnostic for B8 (not a bench): compares two V8 heap snapshots written by heap-snapshots.ts.
 * Prints the change of self size by node type and constructor, then the biggest objects only the
 * second snapshot holds, each with its shortest strong path from the GC roots (what keeps it).
 * `npx tsx tests/bench/heap-diff.ts before.heapsnapshot after.heapsnapshot [count]`
 */
import { readFileSync } from 'node:fs';

type Snapshot = {
	nodeTypes: string[];
	edgeTypes: string[];
	nodeFields: number;
	edgeFields: number;
	nodes: number[];
	edges: number[];
	strings: string[];
	firstEdge: Int32Array;
};

type Raw = {
	snapshot: {
		meta: {
			node_fields: string[];
			edge_fields: string[];
			node_types: [string[]];
			edge_types: [string[]];
		};
	};
	nodes: number[];
	edges: number[];
	strings: string[];
};

function load(file: string): Snapshot {
	const raw = JSON.parse(readFileSync(file, 'utf8')) as Raw;
	const { meta } = raw.snapshot;
	const nodeFields = meta.node_fields.length;
	const edgeFields = meta.edge_fields.length;
	const count = raw.nodes.length / nodeFields;
	const firstEdge = new Int32Array(count + 1);
	// node_fields: type, name, id, self_size, edge_count, …
	for (let i = 0, e = 0; i < count; i++) {
		firstEdge[i] = e;
		e += (raw.nodes[i * nodeFields + 4] ?? 0) * edgeFields;
		firstEdge[i + 1] = e;
	}
	return {
		nodeTypes: meta.node_types[0],
		edgeTypes: meta.edge_types[0],
		nodeFields,
		edgeFields,
		nodes: raw.nodes,
		edges: raw.edges,
		strings: raw.strings,
		firstEdge,
	};
}

const at = (list: ArrayLike<number>, index: number) => list[index] ?? 0;
const count = (s: Snapshot) => s.nodes.length / s.nodeFields;
const type = (s: Snapshot, n: number) => s.nodeTypes[at(s.nodes, n * s.nodeFields)] ?? '?';
const name = (s: Snapshot, n: number) => s.strings[at(s.nodes, n * s.nodeFields + 1)] ?? '';
const id = (s: Snapshot, n: number) => at(s.nodes, n * s.nodeFields + 2);
const size = (s: Snapshot, n: number) => at(s.nodes, n * s.nodeFields + 3);
const label = (s: Snapshot, n: number) =>
	`${type(s, n)}:${name(s, n).slice(0, 60).replace(/\s+/g, ' ')}`;
/** Strings are grouped by type only: their "name" is their text. */
const group = (s: Snapshot, n: number) =>
	type(s, n).includes('string') ? type(s, n) : label(s, n);

function edgeName(s: Snapshot, e: number): string {
	const kind = s.edgeTypes[at(s.edges, e)];
	const nameOrIndex = at(s.edges, e + 1);
	return kind === 'element' || kind === 'hidden'
		? `[${nameOrIndex}]`
		: (s.strings[nameOrIndex] ?? '');
}

function bySize(s: Snapshot, nodes: Iterable<number>) {
	const map = new Map<string, { size: number; count: number }>();
	for (const n of nodes) {
		const g = map.get(group(s, n)) ?? { size: 0, count: 0 };
		g.size += size(s, n);
		g.count++;
		map.set(group(s, n), g);
	}
	return map;
}

/** The shortest path over strong edges from the root (node 0), for every node: BFS parents. */
function parents(s: Snapshot): { parent: Int32Array; via: Int32Array } {
	const parent = new Int32Array(count(s)).fill(-1);
	const via = new Int32Array(count(s)).fill(-1);
	parent[0] = 0;
	const queue = [0];
	for (let q = 0; q < queue.length; q++) {
		const n = queue[q] ?? 0;
		for (let e = at(s.firstEdge, n); e < at(s.firstEdge, n + 1); e += s.edgeFields) {
			const kind = s.edgeTypes[at(s.edges, e)];
			if (kind === 'weak' || kind === 'shortcut') continue;
			const to = at(s.edges, e + 2) / s.nodeFields;
			if (parent[to] !== -1) continue;
			parent[to] = n;
			via[to] = e;
			queue.push(to);
		}
	}
	return { parent, via };
}

function pathTo(s: Snapshot, tree: ReturnType<typeof parents>, node: number): string {
	if (tree.parent[node] === -1) return '(not reachable from the roots)';
	const steps: string[] = [];
	for (let n = node; n !== 0 && steps.length < 30; n = at(tree.parent, n))
		steps.push(`<-${edgeName(s, at(tree.via, n))}- ${label(s, at(tree.parent, n))}`);
	return steps.join('\n    ');
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1).padStart(9)} KB`;

function main() {
	const [beforeFile, afterFile, shown = '10'] = process.argv.slice(2);
	if (!beforeFile || !afterFile) throw new Error('usage: heap-diff.ts before after [count]');
	const a = load(beforeFile);
	const b = load(afterFile);
	const all = (s: Snapshot) => Array.from({ length: count(s) }, (_, n) => n);
	const before = bySize(a, all(a));
	const rows = [...bySize(b, all(b))].map(([key, g]) => {
		const old = before.get(key) ?? { size: 0, count: 0 };
		return { key, size: g.size - old.size, count: g.count - old.count };
	});
	rows.sort((x, y) => y.size - x.size);
	console.log('Change of self size by type:constructor');
	for (const r of rows.slice(0, 30))
		console.log(`${kb(r.size)}  Δn=${String(r.count).padStart(7)}  ${r.key}`);

	const ids = new Set(all(a).map((n) => id(a, n)));
	const fresh = all(b).filter((n) => !ids.has(id(b, n)));
	const total = fresh.reduce((sum, n) => sum + size(b, n), 0);
	console.log(`\nObjects only in the second snapshot: ${fresh.length}, ${kb(total).trim()}`);
	const groups = [...bySize(b, fresh)].sort((x, y) => y[1].size - x[1].size);
	for (const [key, g] of groups.slice(0, 20))
		console.log(`${kb(g.size)}  n=${String(g.count).padStart(7)}  ${key}`);

	const tree = parents(b);
	console.log('\nThe biggest of them, and what keeps each one');
	fresh.sort((x, y) => size(b, y) - size(b, x));
	for (const n of fresh.slice(0, Number(shown)))
		console.log(`${kb(size(b, n)).trim()} ${label(b, n)}\n    ${pathTo(b, tree, n)}`);
}

main();
