/**
 * Which of the Code panel's highlighters (core/codegen/highlight.ts) suits a fenced block's info
 * string. JSON and JavaScript share the TypeScript rules (strings, numbers, keywords, comments);
 * anything unknown stays plain text.
 */
import type { Language } from '../codegen/highlight';

const LANGUAGES = new Map<string, Language>([
	['ts', 'typescript'],
	['typescript', 'typescript'],
	['tsx', 'typescript'],
	['js', 'typescript'],
	['javascript', 'typescript'],
	['jsx', 'typescript'],
	['mjs', 'typescript'],
	['json', 'typescript'],
	['jsonc', 'typescript'],
	['json5', 'typescript'],
	['py', 'python'],
	['python', 'python'],
	['python3', 'python'],
	['sh', 'bash'],
	['bash', 'bash'],
	['shell', 'bash'],
	['zsh', 'bash'],
	['console', 'bash'],
	['curl', 'bash'],
]);

/** Highlighting a block longer than this would cost more than it helps the reader. */
export const MAX_HIGHLIGHT_CHARS = 200_000;

/** The highlighter for a block's language tag (`language-py` or `py`), or null. */
export function codeLanguage(tag: string): Language | null {
	return LANGUAGES.get(tag.replace(/^language-/, '').toLowerCase()) ?? null;
}
