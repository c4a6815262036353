import { redactKeys } from '../security/redact';

/** Every line of a response body with its arrival time, for the raw inspector and its exports. */
export type RawLine = { at: number; text: string };

export type GapStats = { count: number; p50: number; p95: number; max: number };

/**
 * Splits text that arrives in arbitrary pieces into lines (LF, CRLF or CR), stamping each line.
 * Whole lines are redacted (a key cut between two pieces is whole again by then): anything
 * key-shaped, and the `known` keys verbatim (the key the request was sent with).
 *
 * A piece is only kept as it arrives; it is split and redacted when the lines are first read (the
 * raw inspector opened, an export). A fast stream brings a piece per token, and most runs are never
 * inspected (benchmark B4).
 */
export class RawLog {
	readonly #lines: RawLine[] = [];
	/** Pieces not yet split, with their arrival times. */
	#pieces: string[] = [];
	#times: number[] = [];
	#pending = '';
	/** When the body ended, until the lines are next read. */
	#endAt: number | null = null;
	readonly #redact: (line: string) => string;

	constructor(known: readonly string[] = []) {
		this.#redact = (line) => redactKeys(line, known);
	}

	/** Every line so far, oldest first; the text after the last line end waits for the next piece. */
	get lines(): readonly RawLine[] {
		const pieces = this.#pieces;
		if (pieces.length > 0) {
			const times = this.#times;
			this.#pieces = [];
			this.#times = [];
			for (let i = 0; i < pieces.length; i++) this.#split(pieces[i] as string, times[i] as number);
		}
		if (this.#endAt !== null) {
			const last = this.#pending;
			if (last) this.#lines.push({ at: this.#endAt, text: this.#redact(last.replace(/\r$/, '')) });
			this.#pending = '';
			this.#endAt = null;
		}
		return this.#lines;
	}

	push(text: string, at: number): void {
		this.#pieces.push(text);
		this.#times.push(at);
	}

	#split(text: string, at: number): void {
		const all = this.#pending + text;
		const lineEnd = /\r\n|\n|\r/g;
		let from = 0;
		for (let match = lineEnd.exec(all); match; match = lineEnd.exec(all)) {
			// A CR at the very end may be the first half of a CRLF.
			if (match[0] === '\r' && match.index === all.length - 1) break;
			this.#lines.push({ at, text: this.#redact(all.slice(from, match.index)) });
			from = match.index + match[0].length;
		}
		// Sliced once per piece, not once per line (a fast stream brings dozens of lines a piece).
		this.#pending = from === 0 ? all : all.slice(from);
	}

	/** The body ended: what follows the last line end is a line too (split when read, as all are). */
	end(at: number): void {
		this.#endAt = at;
	}

	/** Gaps between consecutive `data:` lines, in milliseconds. */
	gaps(): GapStats {
		const times = this.lines.filter((l) => l.text.startsWith('data:')).map((l) => l.at);
		const gaps = times.slice(1).map((t, i) => t - (times[i] as number));
		const sorted = gaps.slice().sort((a, b) => a - b);
		const pick = (q: number) =>
			sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
		return {
			count: gaps.length,
			p50: pick(0.5),
			p95: pick(0.95),
			max: sorted[sorted.length - 1] ?? 0,
		};
	}

	/** The body as it arrived. */
	toSse(): string {
		return this.lines.map((l) => `${l.text}\n`).join('');
	}

	/** Lines with times, plus the request and response headers given (the key already masked). */
	toJson(extra: Record<string, unknown>): string {
		return JSON.stringify(
			{
				...extra,
				lines: this.lines.map((l) => ({ at_ms: Math.round(l.at * 10) / 10, line: l.text })),
			},
			null,
			2,
		);
	}
}

/** `sk-or-v1-abcd…wxyz` → `sk-or-v1-…wxyz`: enough to tell keys apart, never the key. */
export function maskKey(key: string): string {
	return key.length > 12 ? `${key.slice(0, 9)}…${key.slice(-4)}` : '…';
}
