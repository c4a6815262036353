import type { SnippetOptions } from './curl';
import { quote, toPython } from './literal';
import { splitOpenAiParams } from './params';

function headersLiteral(options: SnippetOptions): string {
	const extra = Object.entries(options.headers ?? {})
		.map(([name, value]) => `    ${quote(name)}: ${quote(value)},\n`)
		.join('');
	return `{\n    "Authorization": f"Bearer {os.environ['OPENROUTER_API_KEY']}",\n    "Content-Type": "application/json",\n${extra}}`;
}

/** Python with requests; reads the SSE stream line by line. */
export function generatePythonRequests(
	body: Record<string, unknown>,
	options: SnippetOptions,
): string {
	const streaming = body.stream === true;
	const head = `import json
import os

import requests

response = requests.post(
    ${quote(`${options.baseUrl}/chat/completions`)},
    headers=${headersLiteral(options).replaceAll('\n', '\n    ')},
    json=${toPython(body, '    ')},${streaming ? '\n    stream=True,' : ''}
)
if not response.ok:
    # Errors before the stream starts are JSON: {"error": {"code", "message", "metadata"}}
    raise SystemExit(f"{response.status_code} {response.text}")
`;
	if (!streaming)
		return `${head}
completion = response.json()
if "error" in completion:
    raise SystemExit(completion["error"]["message"])
message = completion["choices"][0]["message"]
if message.get("content"):
    print(message["content"])
for call in message.get("tool_calls") or []:
    print(f"tool call {call['function']['name']}({call['function']['arguments']})")
print("usage:", json.dumps(completion.get("usage")), file=sys.stderr)
`.replace('import json\n', 'import json\nimport sys\n');
	return `${head}
calls = {}
usage = None
for line in response.iter_lines():
    # Whole lines, so decoding each one is safe; ": OPENROUTER PROCESSING" lines are comments.
    text = line.decode("utf-8")
    if not text.startswith("data:"):
        continue
    data = text[5:].strip()
    if data == "[DONE]":
        break
    chunk = json.loads(data)
    if "error" in chunk:
        # A mid-stream error arrives as a chunk; the text so far stays valid.
        print(f"\\nerror {chunk['error'].get('code')}: {chunk['error'].get('message')}", file=sys.stderr)
    if chunk.get("usage"):
        usage = chunk["usage"]
    for choice in chunk.get("choices") or []:
        delta = choice.get("delta") or {}
        if delta.get("content"):
            print(delta["content"], end="", flush=True)
        for part in delta.get("tool_calls") or []:
            call = calls.setdefault(part.get("index", 0), {"name": "", "arguments": ""})
            call["name"] += (part.get("function") or {}).get("name") or ""
            call["arguments"] += (part.get("function") or {}).get("arguments") or ""
print()
for call in calls.values():
    print(f"tool call {call['name']}({call['arguments']})")
print("usage:", json.dumps(usage), file=sys.stderr)
`.replace('import json\n', 'import json\nimport sys\n');
}

/** Python with the official `openai` package: OpenRouter-only fields go through `extra_body`. */
export function generatePythonOpenAi(
	body: Record<string, unknown>,
	options: SnippetOptions,
): string {
	const { standard, extra } = splitOpenAiParams(body);
	const streaming = body.stream === true;
	const args = Object.entries(standard).map(
		([key, value]) => `    ${key}=${toPython(value, '    ')},`,
	);
	if (Object.keys(extra).length > 0) args.push(`    extra_body=${toPython(extra, '    ')},`);
	const headers =
		options.headers && Object.keys(options.headers).length > 0
			? `\n    default_headers=${toPython(options.headers, '    ')},`
			: '';
	const head = `import os

from openai import OpenAI

client = OpenAI(
    base_url=${quote(options.baseUrl)},
    api_key=os.environ["OPENROUTER_API_KEY"],${headers}
)

${streaming ? 'stream' : 'completion'} = client.chat.completions.create(
${args.join('\n')}
)
`;
	if (!streaming)
		return `${head}message = completion.choices[0].message
if message.content:
    print(message.content)
for call in message.tool_calls or []:
    print(f"tool call {call.function.name}({call.function.arguments})")
print("usage:", completion.usage)
`;
	return `${head}calls = {}
for chunk in stream:
    delta = chunk.choices[0].delta if chunk.choices else None
    if delta and delta.content:
        print(delta.content, end="", flush=True)
    for part in (delta.tool_calls if delta else None) or []:
        call = calls.setdefault(part.index, {"name": "", "arguments": ""})
        call["name"] += (part.function and part.function.name) or ""
        call["arguments"] += (part.function and part.function.arguments) or ""
    if chunk.usage:
        print("\\nusage:", chunk.usage)
print()
for call in calls.values():
    print(f"tool call {call['name']}({call['arguments']})")
`;
}
