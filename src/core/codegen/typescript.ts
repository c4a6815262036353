import type { SnippetOptions } from './curl';
import { indentAfterFirstLine, quote, toJs } from './literal';
import { camelizeForSdk, sdkDrops, splitOpenAiParams, withoutSdkDrops } from './params';

const KEY = 'process.env.OPENROUTER_API_KEY';

function headerLines(options: SnippetOptions, indent: string): string {
	return Object.entries(options.headers ?? {})
		.map(([name, value]) => `${indent}${quote(name)}: ${quote(value)},\n`)
		.join('');
}

/** TypeScript with fetch; streams through eventsource-parser, like the app itself. */
export function generateFetch(body: Record<string, unknown>, options: SnippetOptions): string {
	const streaming = body.stream === true;
	const request = `const response = await fetch(${quote(`${options.baseUrl}/chat/completions`)}, {
	method: 'POST',
	headers: {
		Authorization: \`Bearer \${${KEY}}\`,
		'Content-Type': 'application/json',
${headerLines(options, '\t\t')}	},
	body: JSON.stringify(${toJs(body, '\t')}),
});
if (!response.ok) {
	// Errors before the stream starts are JSON: {"error":{"code","message","metadata"}}
	console.error(response.status, await response.text());
	process.exit(1);
}
`;
	if (!streaming)
		return `${request}
const completion = await response.json();
if (completion.error) throw new Error(completion.error.message);
const message = completion.choices[0].message;
if (message.content) console.log(message.content);
for (const call of message.tool_calls ?? []) console.log(\`tool call \${call.function.name}(\${call.function.arguments})\`);
console.error('usage:', JSON.stringify(completion.usage));
`;
	return `import { createParser } from 'eventsource-parser';

${request}
const calls = new Map<number, { name: string; arguments: string }>();
let usage: unknown;
const parser = createParser({
	// Lines starting with ':' (": OPENROUTER PROCESSING") are comments; the parser skips them.
	onEvent(event) {
		if (event.data === '[DONE]') return;
		const chunk = JSON.parse(event.data);
		if (chunk.error) {
			// A mid-stream error arrives as a chunk; the text so far stays valid.
			console.error(\`\\nerror \${chunk.error.code}: \${chunk.error.message}\`);
			process.exitCode = 1;
		}
		if (chunk.usage) usage = chunk.usage;
		const delta = chunk.choices?.[0]?.delta;
		if (delta?.content) process.stdout.write(delta.content);
		for (const part of delta?.tool_calls ?? []) {
			const call = calls.get(part.index) ?? { name: '', arguments: '' };
			call.name += part.function?.name ?? '';
			call.arguments += part.function?.arguments ?? '';
			calls.set(part.index, call);
		}
	},
});
const decoder = new TextDecoder();
for await (const piece of response.body!) parser.feed(decoder.decode(piece, { stream: true }));
process.stdout.write('\\n');
for (const call of calls.values()) console.log(\`tool call \${call.name}(\${call.arguments})\`);
console.error('usage:', JSON.stringify(usage));
`;
}

/** TypeScript with the official `openai` package pointed at OpenRouter. */
export function generateOpenAiTs(body: Record<string, unknown>, options: SnippetOptions): string {
	const { standard, extra } = splitOpenAiParams(body);
	const streaming = body.stream === true;
	const headers =
		options.headers && Object.keys(options.headers).length > 0
			? `\n\tdefaultHeaders: ${toJs(options.headers, '\t')},`
			: '';
	const extraFields =
		Object.keys(extra).length > 0
			? `\n\t// OpenRouter-only parameters: the SDK sends them as they are.\n\t...(${toJs(extra, '\t')} as object),`
			: '';
	const params = toJs(standard, '').replace(/\n}$/, `,${extraFields}\n}`).replace(/^{\n/, '{\n');
	const call = `const ${streaming ? 'stream' : 'completion'} = await client.chat.completions.create(${indentAfterFirstLine(params, '')});`;
	const head = `import OpenAI from 'openai';

const client = new OpenAI({
	baseURL: ${quote(options.baseUrl)},
	apiKey: ${KEY},${headers}
});

`;
	if (!streaming)
		return `${head}${call}
const message = completion.choices[0]!.message;
if (message.content) console.log(message.content);
for (const call of message.tool_calls ?? []) if (call.type === 'function') console.log(\`tool call \${call.function.name}(\${call.function.arguments})\`);
console.error('usage:', JSON.stringify(completion.usage));
`;
	return `${head}try {
	${indentAfterFirstLine(call, '\t')}
	const calls = new Map<number, { name: string; arguments: string }>();
	for await (const chunk of stream) {
		const delta = chunk.choices[0]?.delta;
		if (delta?.content) process.stdout.write(delta.content);
		for (const part of delta?.tool_calls ?? []) {
			const entry = calls.get(part.index) ?? { name: '', arguments: '' };
			entry.name += part.function?.name ?? '';
			entry.arguments += part.function?.arguments ?? '';
			calls.set(part.index, entry);
		}
		if (chunk.usage) console.error('\\nusage:', JSON.stringify(chunk.usage));
	}
	process.stdout.write('\\n');
	for (const entry of calls.values()) console.log(\`tool call \${entry.name}(\${entry.arguments})\`);
} catch (error) {
	// HTTP errors and mid-stream error chunks both arrive here as OpenAI.APIError.
	console.error(error instanceof OpenAI.APIError ? \`\${error.status ?? 'stream'}: \${error.message}\` : error);
	process.exitCode = 1;
}
`;
}

/** TypeScript with @openrouter/sdk: camelCase fields, `chat.send({ chatRequest })`. */
export function generateOpenRouterTs(
	body: Record<string, unknown>,
	options: SnippetOptions,
): string {
	const dropped = sdkDrops(body);
	const kept = withoutSdkDrops(body);
	const streaming = body.stream === true;
	const referer = options.headers?.['HTTP-Referer'];
	const title = options.headers?.['X-OpenRouter-Title'] ?? options.headers?.['X-Title'];
	const client = [
		`\tapiKey: ${KEY},`,
		`\tserverURL: ${quote(options.baseUrl)},`,
		...(referer ? [`\thttpReferer: ${quote(referer)},`] : []),
		...(title ? [`\tappTitle: ${quote(title)},`] : []),
	].join('\n');
	const warning = dropped.length
		? `// @openrouter/sdk 1.3 has no field for ${dropped.join(', ')}, so this snippet cannot send\n// ${dropped.length > 1 ? 'them' : 'it'}; the fetch and OpenAI SDK snippets send the request exactly.\n`
		: '';
	const call = `const result = await openRouter.chat.send({\n\tchatRequest: ${toJs(camelizeForSdk(kept), '\t')},\n});`;
	const head = `import { OpenRouter } from '@openrouter/sdk';

${warning}const openRouter = new OpenRouter({
${client}
});

`;
	if (!streaming)
		return `${head}${call}
if (!('choices' in result)) throw new Error('expected a whole answer');
const message = result.choices[0]!.message;
if (message.content) console.log(message.content);
for (const call of message.toolCalls ?? []) console.log(\`tool call \${call.function.name}(\${call.function.arguments})\`);
console.error('usage:', JSON.stringify(result.usage));
`;
	return `${head}${call}
if (!(Symbol.asyncIterator in result)) throw new Error('expected a stream');
const calls = new Map<number, { name: string; arguments: string }>();
for await (const chunk of result) {
	if (chunk.error) {
		console.error(\`\\nerror \${chunk.error.code}: \${chunk.error.message}\`);
		process.exitCode = 1;
	}
	const delta = chunk.choices[0]?.delta;
	if (delta?.content) process.stdout.write(delta.content);
	for (const part of delta?.toolCalls ?? []) {
		const entry = calls.get(part.index) ?? { name: '', arguments: '' };
		entry.name += part.function?.name ?? '';
		entry.arguments += part.function?.arguments ?? '';
		calls.set(part.index, entry);
	}
	if (chunk.usage) console.error('\\nusage:', JSON.stringify(chunk.usage));
}
process.stdout.write('\\n');
for (const entry of calls.values()) console.log(\`tool call \${entry.name}(\${entry.arguments})\`);
`;
}
