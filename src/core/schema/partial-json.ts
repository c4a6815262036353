/**
 * Parses the JSON a model has streamed so far. Complete values are returned as they are; an
 * unfinished object or array is returned with its finished members (and its unfinished last object
 * or array member, itself partial); an unfinished scalar (a string, number or literal cut by the end
 * of the text) is left out, since more text could change it.
 */
export type PartialJson =
	{ ok: true; value: unknown; complete: boolean } | { ok: false; message: string; offset: number };

/** The end of the text was reached inside a scalar: nothing usable. */
class Cut extends Error {}
/** The end of the text was reached inside a container: `value` holds what was finished. */
class Partial extends Error {
	readonly value: unknown;
	constructor(value: unknown) {
		super('partial');
		this.value = value;
	}
}
class Bad extends Error {
	readonly offset: number;
	constructor(message: string, offset: number) {
		super(message);
		this.offset = offset;
	}
}

const LITERALS = [
	['true', true],
	['false', false],
	['null', null],
] as const;

export function parsePartialJson(text: string): PartialJson {
	let at = 0;
	const ws = () => {
		while (at < text.length && ' \t\n\r'.includes(text[at] as string)) at++;
	};
	const bad = (what: string): never => {
		throw new Bad(`${what} at character ${at + 1}`, at);
	};
	const end = () => {
		ws();
		return at >= text.length;
	};

	function value(): unknown {
		if (end()) throw new Cut();
		const c = text[at] as string;
		if (c === '{') return container('}');
		if (c === '[') return container(']');
		if (c === '"') return string();
		if (c === '-' || (c >= '0' && c <= '9')) return number();
		for (const [word, result] of LITERALS) {
			const piece = text.slice(at, at + word.length);
			if (piece === word) {
				at += word.length;
				return result;
			}
			if (word.startsWith(piece) && at + piece.length === text.length) throw new Cut();
		}
		return bad('unexpected character');
	}

	function string(): string {
		const start = at++;
		while (at < text.length) {
			const c = text[at];
			if (c === '\\') at += 2;
			else if (c === '"') {
				at++;
				try {
					return JSON.parse(text.slice(start, at)) as string;
				} catch {
					return bad('invalid string');
				}
			} else at++;
		}
		throw new Cut();
	}

	function number(): number {
		const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(at));
		if (!match) {
			if (/^-?$/.test(text.slice(at))) throw new Cut();
			return bad('invalid number');
		}
		at += match[0].length;
		// A number at the very end may still grow ("12" → "123").
		if (at >= text.length || /^(\.|[eE][+-]?)$/.test(text.slice(at))) throw new Cut();
		return Number(match[0]);
	}

	function container(close: '}' | ']'): unknown {
		const isObject = close === '}';
		const obj: Record<string, unknown> = {};
		const list: unknown[] = [];
		const out = isObject ? obj : list;
		at++;
		if (end()) throw new Partial(out);
		if (text[at] === close) {
			at++;
			return out;
		}
		for (;;) {
			let key = '';
			try {
				if (isObject) {
					if (end()) throw new Cut();
					if (text[at] !== '"') bad('expected a property name');
					key = string();
					if (end()) throw new Cut();
					if (text[at] !== ':') bad('expected ":"');
					at++;
				}
				const item = value();
				if (isObject) obj[key] = item;
				else list.push(item);
			} catch (error) {
				if (error instanceof Partial) {
					if (isObject) obj[key] = error.value;
					else list.push(error.value);
					throw new Partial(out);
				}
				if (error instanceof Cut) throw new Partial(out);
				throw error;
			}
			if (end()) throw new Partial(out);
			if (text[at] === close) {
				at++;
				return out;
			}
			if (text[at] !== ',') bad(`expected "," or "${close}"`);
			at++;
		}
	}

	try {
		const result = value();
		if (!end()) bad('unexpected text after the JSON value');
		return { ok: true, value: result, complete: true };
	} catch (error) {
		if (error instanceof Partial) return { ok: true, value: error.value, complete: false };
		if (error instanceof Cut) return { ok: true, value: undefined, complete: false };
		if (error instanceof Bad) return { ok: false, message: error.message, offset: error.offset };
		throw error;
	}
}
