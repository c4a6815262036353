/**
 * Model id → its `supported_parameters`, from a GET /models body; malformed entries are skipped.
 * A `Map`: ids come from the network and from what the user types (`constructor`). A repeated id
 * keeps its first entry, as the model list does (core/models/catalog.ts).
 */
export type SupportedParameters = ReadonlyMap<string, string[]>;

export function readSupportedParameters(body: unknown): SupportedParameters | null {
	if (typeof body !== 'object' || body === null) return null;
	const data = (body as { data?: unknown }).data;
	if (!Array.isArray(data)) return null;
	const out = new Map<string, string[]>();
	for (const model of data) {
		if (typeof model !== 'object' || model === null) continue;
		const { id, supported_parameters: params } = model as Record<string, unknown>;
		if (typeof id === 'string' && Array.isArray(params) && !out.has(id))
			out.set(
				id,
				params.filter((p): p is string => typeof p === 'string'),
			);
	}
	return out;
}
