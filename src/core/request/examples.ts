/** Working requests to start from: one per feature users look for first. */
import { requestJson } from './request-json';
const user = (content: unknown) => ({ role: 'user', content });

export const EXAMPLES = [
	{
		id: 'tools',
		label: 'Tools',
		request: {
			model: 'openai/gpt-4o-mini',
			messages: [user('What is the weather in Paris and in Tokyo?')],
			tools: [
				{
					type: 'function',
					function: {
						name: 'get_weather',
						description: 'Current weather for a city',
						parameters: {
							type: 'object',
							properties: {
								city: { type: 'string', description: 'City name' },
								unit: { type: 'string', enum: ['celsius', 'fahrenheit'] },
							},
							required: ['city', 'unit'],
							additionalProperties: false,
						},
						strict: true,
					},
				},
			],
			tool_choice: 'auto',
			max_tokens: 300,
			stream: true,
		},
	},
	{
		id: 'structured',
		label: 'Structured output',
		request: {
			model: 'openai/gpt-4o-mini',
			messages: [user('Give three facts about Lisbon.')],
			response_format: {
				type: 'json_schema',
				json_schema: {
					name: 'city_facts',
					strict: true,
					schema: {
						type: 'object',
						properties: {
							city: { type: 'string' },
							facts: { type: 'array', items: { type: 'string' } },
						},
						required: ['city', 'facts'],
						additionalProperties: false,
					},
				},
			},
			max_tokens: 400,
			stream: true,
		},
	},
	{
		id: 'reasoning',
		label: 'Reasoning',
		request: {
			model: 'anthropic/claude-sonnet-4.5',
			messages: [
				user('A bat and a ball cost $1.10; the bat costs $1 more. What does the ball cost?'),
			],
			reasoning: { max_tokens: 2000 },
			max_tokens: 3000,
			stream: true,
		},
	},
	{
		id: 'vision',
		label: 'Vision',
		request: {
			model: 'google/gemini-2.5-flash',
			messages: [
				user([
					{ type: 'text', text: 'What is in this image?' },
					{
						type: 'image_url',
						image_url: {
							url: 'https://upload.wikimedia.org/wikipedia/commons/thumb/d/dd/Gfp-wisconsin-madison-the-nature-boardwalk.jpg/640px-Gfp-wisconsin-madison-the-nature-boardwalk.jpg',
						},
					},
				]),
			],
			max_tokens: 300,
			stream: true,
		},
	},
	{
		id: 'web-search',
		label: 'Web search',
		request: {
			model: 'openai/gpt-4o-mini',
			messages: [user('What happened in AI news this week? Cite sources.')],
			tools: [{ type: 'openrouter:web_search' }],
			max_tokens: 500,
			stream: true,
		},
	},
	{
		id: 'routing',
		label: 'Provider routing',
		request: {
			model: 'deepseek/deepseek-chat',
			models: ['qwen/qwen3-235b-a22b', 'mistralai/mistral-small'],
			messages: [user('Say hello in five languages.')],
			provider: {
				order: ['deepinfra', 'novita'],
				allow_fallbacks: true,
				data_collection: 'deny',
				sort: 'price',
			},
			max_tokens: 200,
			stream: true,
		},
	},
] as const;

export type ExampleId = (typeof EXAMPLES)[number]['id'];

export const exampleText = (id: ExampleId): string =>
	requestJson(EXAMPLES.find((e) => e.id === id)!.request);
