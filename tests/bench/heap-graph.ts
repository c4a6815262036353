/**
 * V8 heap snapshots (CDP HeapProfiler) for B8 and its diagnostics: taking one, reading it, and the
 * size of what it holds by node type. A snapshot's "code" nodes are V8's compiled code (bytecode,
 * optimised functions, regexps compiled to native code): made and dropped by the engine as code
 * runs hot or goes unused, not data the app keeps.
 */
import type { CDPSession } from '@playwright/test';

export type Snapshot = {
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

export function parseSnapshot(text: string): Snapshot {
	const raw = JSON.parse(text) as Raw;
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

export const at = (list: ArrayLike<number>, index: number) => list[index] ?? 0;
export const count = (s: Snapshot) => s.nodes.length / s.nodeFields;
export const type = (s: Snapshot, n: number) => s.nodeTypes[at(s.nodes, n * s.nodeFields)] ?? '?';
export const name = (s: Snapshot, n: number) => s.strings[at(s.nodes, n * s.nodeFields + 1)] ?? '';
export const id = (s: Snapshot, n: number) => at(s.nodes, n * s.nodeFields + 2);
export const size = (s: Snapshot, n: number) => at(s.nodes, n * s.nodeFields + 3);
export const label = (s: Snapshot, n: number) =>
	`${type(s, n)}:${name(s, n).slice(0, 60).replace(/\s+/g, ' ')}`;
/** Strings are grouped by type only: their "name" is their text. */
export const group = (s: Snapshot, n: number) =>
	type(s, n).includes('string') ? type(s, n) : label(s, n);

export function edgeName(s: Snapshot, e: number): string {
	const kind = s.edgeTypes[at(s.edges, e)];
	const nameOrIndex = at(s.edges, e + 1);
	return kind === 'element' || kind === 'hidden'
		? `[${nameOrIndex}]`
		: (s.strings[nameOrIndex] ?? '');
}

/** A snapshot of the page's heap, as JSON text (taking it collects garbage first). */
export async function takeSnapshot(cdp: CDPSession): Promise<string> {
	const chunks: string[] = [];
	const take = (event: { chunk: string }) => chunks.push(event.chunk);
	cdp.on('HeapProfiler.addHeapSnapshotChunk', take);
	await cdp.send('HeapProfiler.enable');
	await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
	cdp.off('HeapProfiler.addHeapSnapshotChunk', take);
	return chunks.join('');
}

/** Self sizes summed: everything, and everything but V8's compiled code. */
export function heapTotals(s: Snapshot): { all: number; data: number } {
	let all = 0;
	let code = 0;
	for (let n = 0; n < count(s); n++) {
		all += size(s, n);
		if (type(s, n) === 'code') code += size(s, n);
	}
	return { all, data: all - code };
}
