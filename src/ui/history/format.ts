/** Small display helpers shared by the history and compare views. */
import { formatUsd } from '../../core/money';

export const ms = (value: number | null): string =>
	value === null
		? '–'
		: value < 1000
			? `${Math.round(value)} ms`
			: `${(value / 1000).toFixed(2)} s`;

export const usd = (value: unknown): string => (typeof value === 'number' ? formatUsd(value) : '–');

/**
 * A run's time for people (`isoTime` in core/time.ts gives its `<time datetime>`). Records are
 * checked on the way in, but a view must not throw over one that slipped through: an impossible
 * date prints as such.
 */
export const when = (at: number): string => {
	const date = new Date(at);
	return Number.isNaN(date.getTime())
		? '(unknown time)'
		: date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
};
