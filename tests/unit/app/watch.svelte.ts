/**
 * Runs `read` in an effect now and again whenever what it read changes, as a component's template
 * would; returns the function that stops it.
 */
export function watch(read: () => void): () => void {
	return $effect.root(() => {
		$effect(() => {
			read();
		});
	});
}
