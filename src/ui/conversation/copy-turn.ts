import type { Message } from '../../core/conversation/actions';
import { turnJson, turnMarkdown } from '../../core/conversation/transcript';

export type CopyKind = 'markdown' | 'JSON';

/** Copies a turn as markdown or as its JSON message; says how it went, for a live region. */
export async function copyTurn(message: Message, kind: CopyKind): Promise<string> {
	const text = kind === 'JSON' ? turnJson(message) : turnMarkdown(message);
	try {
		await navigator.clipboard.writeText(text);
		return `Copied as ${kind}`;
	} catch {
		return 'Copy failed: the browser refused the clipboard';
	}
}
