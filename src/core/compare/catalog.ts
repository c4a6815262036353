/** Model id → its `supported_parameters`, from a GET /models body; malformed entries are skipped. */
export type SupportedParameters = Record<string, string[]>;

export function readSupportedParameters(body: unknown): SupportedParameters | null {
	if (typeof body !== 'object' || body === null) return null;
	const data = (body as { data?: unknown }).data;
	if (!Array.isArray(data)) return null;
	const out: SupportedParameters = {};
	for (const model of data) {
		if (typeof model !== 'object' || model === null) continue;
		const { id, supported_parameters: params } = model as Record<string, unknown>;
		if (typeof id === 'string' && Array.isArray(params))
			out[id] = params.filter((p): p is string => typeof p === 'string');
	}
	return out;
}
