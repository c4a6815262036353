import type { TargetId } from './target-ids';
import { generateCurl, type SnippetOptions } from './curl';
import { generatePythonOpenAi, generatePythonRequests } from './python';
import { generateFetch, generateOpenAiTs, generateOpenRouterTs } from './typescript';

type Generator = (body: Record<string, unknown>, options: SnippetOptions) => string;

/** Snippets use two-space indentation whatever this repo uses. */
const spaces =
	(generate: Generator): Generator =>
	(body, options) =>
		generate(body, options).replace(/^\t+/gm, (tabs) => '  '.repeat(tabs.length));

/** Code-sample targets: the tabs of the Code panel, in order. */
export const TARGETS = [
	{
		id: 'curl',
		label: 'curl',
		language: 'bash',
		filename: 'request.sh',
		install: null,
		requires: 'curl ships with macOS, Windows 10+ and most Linux systems.',
		run: 'bash request.sh',
		generate: generateCurl,
	},
	{
		id: 'typescript',
		label: 'TypeScript',
		language: 'typescript',
		filename: 'request.ts',
		install: 'npm install eventsource-parser',
		requires: 'Node 20+.',
		run: 'npx tsx request.ts',
		generate: spaces(generateFetch),
	},
	{
		id: 'typescript-openai',
		label: 'TypeScript (OpenAI SDK)',
		language: 'typescript',
		filename: 'request-openai.ts',
		install: 'npm install openai',
		requires: 'Node 20+.',
		run: 'npx tsx request-openai.ts',
		generate: spaces(generateOpenAiTs),
	},
	{
		id: 'typescript-openrouter',
		label: 'TypeScript (OpenRouter SDK)',
		language: 'typescript',
		filename: 'request-openrouter.ts',
		install: 'npm install @openrouter/sdk',
		requires: 'Node 20+.',
		run: 'npx tsx request-openrouter.ts',
		generate: spaces(generateOpenRouterTs),
	},
	{
		id: 'python',
		label: 'Python',
		language: 'python',
		filename: 'request.py',
		install: 'pip install requests',
		requires: 'Python 3.8+.',
		run: 'python3 request.py',
		generate: generatePythonRequests,
	},
	{
		id: 'python-openai',
		label: 'Python (OpenAI SDK)',
		language: 'python',
		filename: 'request_openai.py',
		install: 'pip install openai',
		requires: 'Python 3.8+.',
		run: 'python3 request_openai.py',
		generate: generatePythonOpenAi,
	},
] as const satisfies readonly {
	id: string;
	label: string;
	language: string;
	filename: string;
	/** The command that installs what the code imports; null when nothing is needed. */
	install: string | null;
	requires: string;
	run: string;
	generate: Generator;
}[];

export type { TargetId } from './target-ids';
type ListedId = (typeof TARGETS)[number]['id'];
/** Fails to compile when target-ids.ts and this list name different tabs. */
const sameIds: [ListedId, TargetId] extends [TargetId, ListedId] ? true : never = true;
void sameIds;
export type Target = (typeof TARGETS)[number];
