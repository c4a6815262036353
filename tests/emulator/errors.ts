/**
 * HTTP errors as OpenRouter sends them (docs/openrouter-protocol.md#errors). `body(model)` builds
 * the JSON envelope.
 */
type HttpError = {
	status: number;
	description: string;
	body: (model: string) => unknown;
	/**
	 * Real headers; most are not CORS-exposed, so a browser cannot read them
	 * (docs/openrouter-protocol.md#cors).
	 */
	headers?: Record<string, string>;
};

const envelope = (code: number, message: string, metadata?: Record<string, unknown>) => ({
	error: { code, message, ...(metadata ? { metadata } : {}) },
	user_id: 'user_emulator',
});

// X-RateLimit-Reset is epoch milliseconds (docs/openrouter-protocol.md#rate-limits).
const RESET = '1788220800000';

export const HTTP_ERRORS = {
	'http-400': {
		status: 400,
		description: 'validation error',
		body: () =>
			envelope(400, 'Input validation failed: temperature must be at most 2', {
				error_type: 'invalid_request',
			}),
	},
	'http-402': {
		status: 402,
		description: 'not enough credits',
		body: () =>
			envelope(
				402,
				'This request requires more credits, or fewer max_tokens. You requested up to 65536 tokens, but can only afford 3395. To increase, visit https://openrouter.ai/settings/credits and upgrade to a paid account',
				{ provider_name: null },
			),
	},
	'http-403-moderation': {
		status: 403,
		description: 'input flagged by moderation',
		body: (model: string) =>
			envelope(
				403,
				`${model} requires moderation on OpenAI. Your input was flagged for "violence". No credits were charged.`,
				{
					reasons: ['violence'],
					flagged_input: 'How do I…the castle?',
					provider_name: 'OpenAI',
					model_slug: model,
				},
			),
	},
	'http-403-key-limit': {
		status: 403,
		description: 'per-key spend cap',
		body: () =>
			envelope(
				403,
				'Key limit exceeded (total limit). Manage it using https://openrouter.ai/settings/keys',
			),
	},
	'http-404': {
		status: 404,
		description: 'no endpoints',
		body: (model: string) => envelope(404, `No endpoints found for ${model}.`),
	},
	// The bodies below carry no user_id, as quoted in the public reports cited.
	'http-404-data-policy': {
		status: 404,
		description: 'privacy settings leave no endpoint',
		// https://github.com/unoplat/unoplat-code-confluence/issues/1080
		body: () => ({
			error: {
				message:
					'No endpoints found matching your data policy (Paid model training). Configure: https://openrouter.ai/settings/privacy',
				code: 404,
			},
		}),
	},
	'http-404-tool-use': {
		status: 404,
		description: 'tools sent to a model with no tool-calling endpoint',
		// https://github.com/evalstate/fast-agent/issues/122, FoundationAgents/OpenManus#55
		body: () => ({
			error: {
				message:
					'No endpoints found that support tool use. To learn more about provider routing, visit: https://openrouter.ai/docs/provider-routing',
				code: 404,
			},
		}),
	},
	'http-404-tool-choice': {
		status: 404,
		description: 'a tool_choice value no endpoint supports',
		// https://github.com/zed-industries/zed/issues/36094
		body: () => ({
			error: {
				message:
					"No endpoints found that support the provided 'tool_choice' value. To learn more about provider routing, visit: https://openrouter.ai/docs/provider-routing",
				code: 404,
			},
		}),
	},
	'http-404-alpha-ended': {
		status: 404,
		description: 'a stealth model whose alpha period has ended',
		// https://github.com/CodebuffAI/freebuff/issues/1137; 404 per shunkakinoki/dotfiles#2790
		body: () => ({
			error: {
				message:
					"Thank you for participating in the Stealth Ox Alpha testing period. This model was ZAI's GLM-5.3 Flash. Use it now: https://openrouter.ai/z-ai/glm-5.3-flash",
				code: 404,
			},
		}),
	},
	'http-402-previous-errors': {
		status: 402,
		description: 'not enough credits after providers failed (metadata.previous_errors)',
		// Shape from the reference (docs/openrouter-protocol.md#status-codes, #error-metadata): no full recording exists, only a truncated paste.
		body: () =>
			envelope(
				402,
				'This request requires more credits, or fewer max_tokens. You requested up to 65536 tokens, but can only afford 10114. To increase, visit https://openrouter.ai/settings/credits and upgrade to a paid account',
				{
					provider_name: null,
					previous_errors: [
						{ provider: 'Chutes', code: 429, message: 'Provider returned error' },
						{ provider: 'DeepInfra', code: 503, message: 'Service temporarily unavailable' },
					],
				},
			),
	},
	'http-408': {
		status: 408,
		description: 'timeout',
		body: () => envelope(408, 'Operation timed out. Please try again later.'),
	},
	'http-413': {
		status: 413,
		description: 'payload too large',
		body: () => envelope(413, 'Request entity too large'),
	},
	'http-429': {
		status: 429,
		description: 'free-model daily cap with metadata.headers',
		body: () =>
			envelope(
				429,
				'Rate limit exceeded: free-models-per-day. Add 10 credits to unlock 1000 free model requests per day',
				{
					headers: {
						'X-RateLimit-Limit': '50',
						'X-RateLimit-Remaining': '0',
						'X-RateLimit-Reset': RESET,
					},
					limit_source: 'openrouter_free_tier_daily',
				},
			),
		headers: {
			'Retry-After': '3600',
			'X-RateLimit-Limit': '50',
			'X-RateLimit-Remaining': '0',
			'X-RateLimit-Reset': RESET,
		},
	},
	'http-429-retry': {
		status: 429,
		description:
			'a short per-minute limit: metadata.headers X-RateLimit-Reset one second ahead (by-content)',
		// The reset is the time of the answer, so a client that waits for it succeeds on retry.
		body: () =>
			envelope(429, 'Rate limit exceeded: limit_rpm/emulator. Retry shortly.', {
				headers: {
					'X-RateLimit-Limit': '20',
					'X-RateLimit-Remaining': '0',
					'X-RateLimit-Reset': String(Date.now() + 1000),
				},
			}),
		headers: { 'Retry-After': '1' },
	},
	'http-429-upstream': {
		status: 429,
		description: 'upstream rate limit',
		body: (model: string) =>
			envelope(429, 'Provider returned error', {
				provider_name: 'DeepInfra',
				raw: `${model} is temporarily rate-limited upstream. Please retry shortly, or add your own key to accumulate your rate limits.`,
			}),
	},
	'http-500': {
		status: 500,
		description: 'internal error (masked)',
		body: () => envelope(500, 'Internal Server Error', { error_type: 'server' }),
	},
	'http-502': {
		status: 502,
		description: 'provider error with raw upstream JSON',
		body: () =>
			envelope(502, 'Provider returned error', {
				provider_name: 'Google',
				raw: '{"error":{"code":500,"message":"Internal error encountered.","status":"INTERNAL"}}',
			}),
	},
	'http-503': {
		status: 503,
		description: 'no provider available',
		body: () => envelope(503, 'Service temporarily unavailable'),
		headers: { 'Retry-After': '30' },
	},
	'http-524': {
		status: 524,
		description: 'edge timeout',
		body: () => envelope(524, 'Request timed out. Please try again later.'),
	},
	'http-529': {
		status: 529,
		description: 'provider overloaded',
		body: () =>
			envelope(529, 'Provider returned error', {
				provider_name: 'Anthropic',
				raw: '{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}',
			}),
	},
} satisfies Record<string, HttpError>;

export type HttpErrorId = keyof typeof HTTP_ERRORS;
export const HTTP_ERROR_BY_ID: Record<HttpErrorId, HttpError> = HTTP_ERRORS;

export { envelope };
