/**
 * The parts of GET /models (docs/openrouter-protocol.md#models) the bill needs: each model's id,
 * dated slug and prices.
 */
import type { ModelPricing } from './bill';

export type PriceEntry = { id: string; canonical: string | null; pricing: ModelPricing };
export type PriceList =
	{ ok: true; models: PriceEntry[]; fetchedAt: number | null } | { ok: false; message: string };

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

export function readPriceList(body: unknown): PriceEntry[] {
	const data = isObject(body) && Array.isArray(body.data) ? body.data : [];
	return data.flatMap((model: unknown) =>
		isObject(model) && typeof model.id === 'string' && isObject(model.pricing)
			? [
					{
						id: model.id,
						canonical: typeof model.canonical_slug === 'string' ? model.canonical_slug : null,
						pricing: model.pricing as ModelPricing,
					},
				]
			: [],
	);
}
