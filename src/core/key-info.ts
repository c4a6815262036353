/**
 * `GET /key` (docs/openrouter-protocol.md#key-info): what the calling key may spend. Amounts are
 * USD; null limit = unlimited.
 */
export type KeyInfo = {
	label: string;
	limit: number | null;
	limitRemaining: number | null;
	limitReset: string | null;
	usage: number;
	isFreeTier: boolean;
};

export type KeyCheck =
	| { state: 'checking' }
	| { state: 'ok'; info: KeyInfo }
	| { state: 'rejected'; status: number; message: string }
	| { state: 'unreachable'; message: string };

const num = (value: unknown): number | null => (typeof value === 'number' ? value : null);

export function parseKeyInfo(body: unknown): KeyInfo | null {
	const data = (body as { data?: Record<string, unknown> } | null)?.data;
	if (!data || typeof data !== 'object') return null;
	return {
		label: typeof data.label === 'string' ? data.label : '',
		limit: num(data.limit),
		limitRemaining: num(data.limit_remaining),
		limitReset: typeof data.limit_reset === 'string' ? data.limit_reset : null,
		usage: num(data.usage) ?? 0,
		isFreeTier: data.is_free_tier === true,
	};
}
