/**
 * Searching and showing the catalog, for the model picker. Apart from catalog.ts: the app reads the
 * list at start-up, the picker (a later chunk) is what searches and formats it.
 */
import type { Model } from './catalog';

/** Every word of the query must appear in the id or the name; id and name-prefix hits rank first. */
export function searchModels(models: readonly Model[], query: string, limit = 50): Model[] {
	const words = query.toLowerCase().split(/\s+/).filter(Boolean);
	if (words.length === 0) return models.slice(0, limit);
	const q = words.join(' ');
	const scored: { model: Model; score: number }[] = [];
	for (const model of models) {
		const id = model.id.toLowerCase();
		const name = model.name.toLowerCase();
		const hay = `${id} ${name}`;
		if (!words.every((w) => hay.includes(w))) continue;
		const short = name.includes(': ') ? name.slice(name.indexOf(': ') + 2) : name;
		const score =
			id === q ? 0 : id.startsWith(q) || id.includes(`/${q}`) ? 1 : short.startsWith(q) ? 2 : 3;
		scored.push({ model, score });
	}
	return scored
		.sort((a, b) => a.score - b.score || a.model.name.localeCompare(b.model.name))
		.slice(0, limit)
		.map((s) => s.model);
}

/** USD per token → "$0.15/M", "free", or "varies". */
export function formatPerMillion(perToken: number | null): string {
	if (perToken === null) return 'varies';
	if (perToken === 0) return 'free';
	const perMillion = perToken * 1_000_000;
	const digits = perMillion >= 100 ? 0 : perMillion >= 1 ? 2 : perMillion >= 0.01 ? 3 : 4;
	return `$${Number(perMillion.toFixed(digits))}/M`;
}

export function formatContext(tokens: number | null): string {
	if (tokens === null) return '?';
	if (tokens >= 1_000_000) return `${Number((tokens / 1_000_000).toFixed(2))}M`;
	if (tokens >= 1000) return `${Math.round(tokens / 1000)}K`;
	return String(tokens);
}
