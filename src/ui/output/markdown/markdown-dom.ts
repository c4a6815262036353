/**
 * Keeps a DOM element in step with the growing markdown of one answer. Settled blocks are appended
 * once, in chunks the browser may skip laying out while off-screen (`content-visibility`); only the
 * open block is replaced. The caller updates at most once per animation frame (the playground state
 * commits once per frame), so there is at most one DOM commit per frame.
 */
import { MarkdownStream } from '../../../core/render/markdown';
import { safeUrl } from '../../../core/render/safe-url';
import { sanitizeToFragment } from './sanitize';

export type MarkdownDom = { update(text: string): void; destroy(): void };

export function mountMarkdown(root: HTMLElement): MarkdownDom {
	const settledBox = document.createElement('div');
	const tailBox = document.createElement('div');
	root.replaceChildren(settledBox, tailBox);
	const stream = new MarkdownStream();
	let shownTail = '';

	const onClick = (event: MouseEvent) => {
		const button = event.target instanceof Element ? event.target.closest('button') : null;
		if (button?.classList.contains('md-copy')) void copyCode(button);
		else if (button?.classList.contains('md-image')) showImage(button);
	};
	root.addEventListener('click', onClick);

	return {
		update(text) {
			const update = stream.update(text);
			if (update.reset) {
				settledBox.replaceChildren();
				shownTail = '';
			}
			if (update.settled) {
				const chunk = document.createElement('div');
				chunk.className = 'md-chunk';
				chunk.append(sanitizeToFragment(update.settled));
				settledBox.append(chunk);
			}
			if (update.tail !== shownTail) {
				shownTail = update.tail;
				tailBox.replaceChildren(sanitizeToFragment(update.tail));
			}
		},
		destroy() {
			root.removeEventListener('click', onClick);
		},
	};
}

async function copyCode(button: HTMLElement): Promise<void> {
	const code = button.parentElement?.querySelector('pre')?.textContent ?? '';
	try {
		await navigator.clipboard.writeText(code.replace(/\n$/, ''));
		button.textContent = 'Copied';
	} catch {
		button.textContent = 'Copy failed';
	}
	setTimeout(() => (button.textContent = 'Copy'), 1500);
}

/**
 * Remote images never load by themselves. A click opens a remote one in a new tab without opener or
 * referrer (the CSP keeps remote images out of this page); an embedded data: image is shown in place.
 */
function showImage(button: HTMLElement): void {
	const src = safeUrl(button.dataset.src ?? '', { dataImage: true });
	if (!src) return;
	if (!src.startsWith('data:')) {
		window.open(src, '_blank', 'noopener,noreferrer');
		return;
	}
	const img = document.createElement('img');
	img.src = src;
	img.alt = button.dataset.alt ?? '';
	img.className = 'md-loaded-image';
	button.replaceWith(img);
}
