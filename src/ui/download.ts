/** Saves `text` as a file through a temporary object URL (allowed by the CSP; no network). */
export function downloadText(filename: string, text: string, type = 'text/plain'): void {
	const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
	const link = Object.assign(document.createElement('a'), { href: url, download: filename });
	link.click();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}
