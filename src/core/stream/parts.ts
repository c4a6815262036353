import { safeUrl } from '../render/safe-url';

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

export type Citation = { url: string; title: string; excerpt: string };

/**
 * `url_citation` annotations (docs/openrouter-protocol.md#annotations) as links; a URL that is not
 * http(s) is dropped, duplicates too.
 */
export function citationsOf(annotations: unknown[]): Citation[] {
	const seen = new Set<string>();
	const out: Citation[] = [];
	for (const item of annotations) {
		const c = isObject(item) && isObject(item.url_citation) ? item.url_citation : null;
		const url = c && typeof c.url === 'string' ? safeUrl(c.url) : null;
		if (!c || !url || seen.has(url)) continue;
		seen.add(url);
		const title = typeof c.title === 'string' && c.title.trim() ? c.title : url;
		const excerpt = typeof c.content === 'string' ? c.content.slice(0, 280) : '';
		out.push({ url, title, excerpt });
	}
	return out;
}

export type LogprobToken = {
	token: string;
	/** Probability 0..1 of the chosen token. */
	p: number;
	alternatives: { token: string; p: number }[];
};

const prob = (logprob: unknown) => (typeof logprob === 'number' ? Math.exp(logprob) : 0);

/** `choices[0].logprobs.content` items as tokens with probabilities and their top alternatives. */
export function logprobTokens(items: unknown[]): LogprobToken[] {
	return items.filter(isObject).map((item) => ({
		token: typeof item.token === 'string' ? item.token : '',
		p: prob(item.logprob),
		alternatives: (Array.isArray(item.top_logprobs) ? item.top_logprobs : [])
			.filter(isObject)
			.map((alt) => ({
				token: typeof alt.token === 'string' ? alt.token : '',
				p: prob(alt.logprob),
			})),
	}));
}
