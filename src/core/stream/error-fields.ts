/**
 * The fields of an error object in a stream or a body (docs/openrouter-protocol.md#errors). Apart
 * from chunk.ts: folding a stream needs these at once, the response parsing in chunk.ts only once a
 * request is sent.
 */
export type Fields = { code: number | string; message: string; metadata?: Record<string, unknown> };

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * `code`, `message` and `metadata` of an error object, whatever its shape. `code ?? http_status`
 * (docs/openrouter-protocol.md#error-envelope), number or string
 * (docs/openrouter-protocol.md#errors-mid-stream). `metadata` is kept as sent; `error_type` and
 * `availability`, which the availability shape puts beside it
 * (docs/openrouter-protocol.md#error-metadata), are folded in so nothing the API said is lost.
 */
export function errorFields(
	source: Record<string, unknown>,
	fallbackCode: number | string,
	fallbackMessage: string,
): Fields {
	const { code, http_status: httpStatus, message, metadata, error_type, availability } = source;
	const fields: Fields = {
		code:
			typeof code === 'number' || (typeof code === 'string' && code)
				? code
				: typeof httpStatus === 'number'
					? httpStatus
					: fallbackCode,
		message: typeof message === 'string' && message.trim() ? message : fallbackMessage,
	};
	const beside = {
		...(error_type !== undefined ? { error_type } : {}),
		...(availability !== undefined ? { availability } : {}),
	};
	if (Object.keys(beside).length > 0)
		fields.metadata = { ...(isObject(metadata) ? metadata : {}), ...beside };
	else if (isObject(metadata)) fields.metadata = metadata;
	return fields;
}

/** An `error` member as an object: some gateways send a bare string. Null when there is none. */
export function errorSource(value: unknown): Record<string, unknown> | null {
	if (isObject(value)) return value;
	return typeof value === 'string' && value ? { message: value } : null;
}

/**
 * `metadata.raw`, what the upstream provider itself said, as text to show: usually a string (often
 * JSON), but some providers' errors arrive as an object (`{"retryable":true}` from Nebius, recorded
 * in tests/fixtures/openrouter-recorded/real-hermes-choice-error-json). Null when there is none.
 */
export function rawDetail(metadata: Record<string, unknown> | null | undefined): string | null {
	const raw = metadata?.raw;
	if (typeof raw === 'string') return raw || null;
	if (raw === undefined || raw === null) return null;
	try {
		return JSON.stringify(raw) ?? String(raw);
	} catch {
		return String(raw);
	}
}
