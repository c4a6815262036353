import { readSupportedParameters, type SupportedParameters } from '../core/compare/catalog';

/**
 * GET /models (no key needed) for every model's `supported_parameters`. `output_modalities=all`
 * because the default lists text models only (§7.1). Null when it cannot be had.
 */
export async function fetchSupportedParameters(
	baseUrl: string,
	fetchImpl: typeof fetch = globalThis.fetch,
): Promise<SupportedParameters | null> {
	try {
		const res = await fetchImpl(`${baseUrl.replace(/\/+$/, '')}/models?output_modalities=all`);
		if (!res.ok) return null;
		return readSupportedParameters(await res.json());
	} catch {
		return null;
	}
}
