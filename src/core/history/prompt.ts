/**
 * The last user message as one line of at most 140 characters, for a list row: a string content
 * as is, the text parts of a multi-part content joined by spaces, whitespace collapsed.
 */
export function promptOf(request: Record<string, unknown>): string {
	const messages = Array.isArray(request.messages) ? request.messages : [];
	const last = [...messages]
		.reverse()
		.find(
			(m): m is { content: unknown } => typeof m === 'object' && m !== null && m.role === 'user',
		);
	const content = last?.content;
	const text =
		typeof content === 'string'
			? content
			: Array.isArray(content)
				? content.map((part) => (typeof part?.text === 'string' ? part.text : '')).join(' ')
				: '';
	return text.replace(/\s+/g, ' ').trim().slice(0, 140);
}
