import { generateCurl, type SnippetOptions } from './curl';

/** Code-sample targets. More join with the code-samples work; the UI renders whatever is here. */
export const TARGETS = [
	{
		id: 'curl',
		label: 'curl',
		language: 'bash',
		filename: 'request.sh',
		install: 'curl is preinstalled on macOS, Windows 10+ and most Linux systems',
		generate: generateCurl,
	},
] as const satisfies readonly {
	id: string;
	label: string;
	language: string;
	filename: string;
	install: string;
	generate: (body: Record<string, unknown>, options: SnippetOptions) => string;
}[];

export type TargetId = (typeof TARGETS)[number]['id'];
