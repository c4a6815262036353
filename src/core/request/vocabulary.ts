/**
 * Apart from support.ts (loaded lazily with the checks), so the model browser can name unsupported
 * parameters without pulling in the request schema. The `supported_parameters` vocabulary
 * (docs/openrouter-protocol.md#models): only these can be "unsupported".
 */
/** The sampling knobs, in the order the form shows them. */
export const SAMPLING_PARAMETERS = [
	'temperature', 'top_p', 'top_k', 'min_p', 'top_a', 'frequency_penalty', 'presence_penalty',
	'repetition_penalty',
] as const; // prettier-ignore

export const PARAMETER_VOCABULARY = [
	...SAMPLING_PARAMETERS, 'max_tokens', 'max_completion_tokens', 'logit_bias', 'logprobs',
	'top_logprobs', 'prediction', 'seed', 'response_format', 'structured_outputs', 'stop', 'tools',
	'tool_choice', 'parallel_tool_calls', 'include_reasoning', 'reasoning', 'reasoning_effort',
	'web_search_options', 'verbosity',
] as const; // prettier-ignore
