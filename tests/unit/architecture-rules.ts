/**
 * The dependency rule of ARCHITECTURE.md as code: which folder of src/ may import what.
 * `checkSource` is pure so the rule itself can be tested with made-up sources.
 */
export type Violation = { file: string; specifier: string; rule: string };

const IMPORT_PATTERNS = [
	/\bimport\s+(?:type\s+)?(?:[\w*{}\s,$]+\s+from\s+)?['"]([^'"]+)['"]/g,
	/\bexport\s+(?:type\s+)?(?:\*|\{[^}]*\})\s*(?:as\s+\w+\s+)?from\s+['"]([^'"]+)['"]/g,
];
const DYNAMIC = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/**
 * Blanks comments and the text of template literals (generated code lives there: snippets that
 * `import OpenAI from 'openai'` are data, not imports), keeping ordinary strings, which hold the
 * import specifiers. A small lexer, because regexes cannot pair backticks across `${…}`.
 */
export function codeOnly(source: string): string {
	let out = '';
	const stack: ('template' | 'brace')[] = [];
	let i = 0;
	const inTemplate = () => stack[stack.length - 1] === 'template';
	while (i < source.length) {
		const c = source[i] as string;
		const next = source[i + 1];
		if (inTemplate()) {
			if (c === '\\') i += 2;
			else if (c === '`') {
				stack.pop();
				out += '`';
				i++;
			} else if (c === '$' && next === '{') {
				stack.push('brace');
				out += '${';
				i += 2;
			} else i++;
			continue;
		}
		if (c === '/' && next === '/') {
			while (i < source.length && source[i] !== '\n') i++;
		} else if (c === '/' && next === '*') {
			const end = source.indexOf('*/', i + 2);
			i = end === -1 ? source.length : end + 2;
		} else if (c === "'" || c === '"') {
			let j = i + 1;
			while (j < source.length && source[j] !== c && source[j] !== '\n')
				j += source[j] === '\\' ? 2 : 1;
			out += source.slice(i, j + 1);
			i = j + 1;
		} else if (c === '`') {
			stack.push('template');
			out += '`';
			i++;
		} else {
			if (c === '{' && stack.length) stack.push('brace');
			if (c === '}' && stack[stack.length - 1] === 'brace') stack.pop();
			out += c;
			i++;
		}
	}
	return out;
}

/** For .svelte files, only what is inside <script> blocks is code. */
export function scriptOf(file: string, source: string): string {
	if (!file.endsWith('.svelte')) return source;
	return [...source.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n');
}

function layerOf(file: string): 'core' | 'io' | 'state' | 'ui' | 'root' {
	const match = /^src\/(core|io|state|ui)\//.exec(file);
	return (match?.[1] as 'core' | 'io' | 'state' | 'ui' | undefined) ?? 'root';
}

/** Resolves a relative import to the layer it lands in; packages keep their name. */
function target(file: string, specifier: string): string {
	if (!specifier.startsWith('.')) return specifier;
	const parts = file.split('/').slice(0, -1);
	for (const piece of specifier.split('/')) {
		if (piece === '..') parts.pop();
		else if (piece !== '.') parts.push(piece);
	}
	return parts.join('/');
}

const CORE_PACKAGES = [
	'eventsource-parser',
	'@cfworker/json-schema',
	'marked',
	'papaparse',
	'jsonc-parser',
	'partial-json',
];
const FORBIDDEN_GLOBALS_IN_CORE =
	/\b(window|document|localStorage|sessionStorage|indexedDB|navigator)\b|(?<![.\w])fetch\s*\(/;

export function checkSource(file: string, rawSource: string): Violation[] {
	const source = codeOnly(scriptOf(file, rawSource));
	const layer = layerOf(file);
	const found: Violation[] = [];
	const flag = (specifier: string, rule: string) => found.push({ file, specifier, rule });
	const statics = IMPORT_PATTERNS.flatMap((pattern) =>
		[...source.matchAll(pattern)].map((m) => m[1] as string),
	);
	const dynamics = [...source.matchAll(DYNAMIC)].map((m) => m[1] as string);

	for (const specifier of [...statics, ...dynamics]) {
		const to = target(file, specifier);
		const isMonaco = specifier === 'monaco-editor' || specifier.startsWith('monaco-editor/');
		if (isMonaco) {
			if (file !== 'src/ui/editor/monaco.ts')
				flag(specifier, 'monaco-editor only in src/ui/editor/monaco.ts');
			else if (statics.includes(specifier))
				flag(specifier, 'monaco-editor only through dynamic import()');
			continue;
		}
		const toLayer = to.startsWith('src/') ? layerOf(`${to}/x`) : null;
		if (layer === 'core') {
			if (toLayer && toLayer !== 'core') flag(specifier, 'core imports only core');
			if (
				!toLayer &&
				!CORE_PACKAGES.some((p) => specifier === p || specifier.startsWith(`${p}/`)) &&
				!specifier.startsWith('.')
			)
				flag(specifier, `core imports only pure packages (${CORE_PACKAGES.join(', ')})`);
		}
		if (layer === 'io') {
			// Stores share small helpers (io/browser-storage.ts); ARCHITECTURE.md forbids only Svelte and ui/.
			if (toLayer && toLayer !== 'core' && toLayer !== 'io')
				flag(specifier, 'io imports only core (and io helpers)');
			if (specifier === 'svelte' || specifier.startsWith('svelte/'))
				flag(specifier, 'io never imports svelte');
		}
		if (layer === 'state') {
			if (toLayer && toLayer !== 'core' && toLayer !== 'state')
				flag(specifier, 'state imports only core and state');
			if (specifier === 'idb-keyval') flag(specifier, 'state never touches storage directly');
		}
		if (layer === 'ui') {
			if (toLayer === 'io' || toLayer === 'root') flag(specifier, 'ui never imports io');
			if (specifier === 'idb-keyval') flag(specifier, 'ui never touches storage directly');
		}
	}
	if (layer === 'core') {
		const match = FORBIDDEN_GLOBALS_IN_CORE.exec(
			source.replace(/(['"`])(?:\\.|(?!\1).)*\1/g, '""'),
		);
		if (match) flag(match[0], 'core is pure: no DOM, storage or fetch');
	}
	return found;
}
