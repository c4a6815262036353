/**
 * What each cell of a grid posts: the base request with its column's patch merged in
 * (core/lab/patch.ts), then its row's values filled in (core/lab/template.ts). A row missing a
 * value gives that cell a reason instead of a body: the grid shows it, and nothing half-filled is
 * sent.
 */
import type { ChatRequest } from '../request/types';
import { applyColumn, type JsonObject } from './patch';
import { planCells, type LabCell } from './scheduler';
import { describeUnfilled, substitute } from './template';

export type CellBody = { ok: true; body: Record<string, unknown> } | { ok: false; reason: string };

export function planGrid(
	request: Record<string, unknown>,
	columns: readonly { id: string; patch: JsonObject }[],
	rows: readonly ReadonlyMap<string, string>[],
): { cells: LabCell[]; bodies: Map<string, CellBody> } {
	const cells = planCells(
		rows.length,
		columns.map((c) => c.id),
	);
	const patched = new Map(columns.map((c) => [c.id, applyColumn(request, c.patch) as ChatRequest]));
	const bodies = new Map<string, CellBody>();
	for (const cell of cells) {
		const base = patched.get(cell.column);
		if (!base) continue;
		const filled = substitute(base, rows[cell.row] ?? new Map());
		bodies.set(
			cell.id,
			filled.ok
				? { ok: true, body: filled.request as Record<string, unknown> }
				: { ok: false, reason: describeUnfilled(filled.missing, filled.empty) },
		);
	}
	return { cells, bodies };
}
