/**
 * Diagnostic for B8 (not a bench): compares two V8 heap snapshots written by heap-snapshots.ts.
 * Prints the change of self size by node type and constructor, then the biggest objects only the
 * second snapshot holds, each with its shortest strong path from the GC roots (what keeps it).
 * `npx tsx tests/bench/heap-diff.ts before.heapsnapshot after.heapsnapshot [count]`
 */
import { readFileSync } from 'node:fs';
import {
	at,
	count,
	edgeName,
	group,
	id,
	label,
	parseSnapshot,
	size,
	type Snapshot,
} from './heap-graph';

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
	const a = parseSnapshot(readFileSync(beforeFile, 'utf8'));
	const b = parseSnapshot(readFileSync(afterFile, 'utf8'));
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
