import { ATTRIBUTION_HEADERS } from '../attribution';
import { headerProblem } from '../http-header';
import { curlCommandOf } from './curl-detect';
import { splitShellWords } from './shell-words';

/**
 * A pasted curl command → the request it sends. Pure: nothing is run, nothing is expanded. The key is
 * never part of the result: an Authorization header is dropped (and reported when it held a real
 * key rather than `$OPENROUTER_API_KEY`), and a key anywhere else refuses the import.
 */
export type CurlImport = {
	body: Record<string, unknown>;
	/** Attribution headers only (HTTP-Referer, X-OpenRouter-Title, X-Title), as written. */
	headers: Record<string, string>;
	/** Where the command sent it, without `/chat/completions` and without any query. */
	baseUrl: string;
	/** True when a literal key was found (and dropped). */
	keyDropped: boolean;
	/** What the playground does not take over, named for the notice (never with values). */
	ignored: string[];
};

export type CurlImportResult = { ok: true; value: CurlImport } | { ok: false; message: string };

const KEY_PATTERN = /sk-or-[A-Za-z0-9_-]{6,}/;

/** Options that take no argument and change nothing about the request. */
const FLAGS = new Set([
	...['-s', '--silent', '-S', '--show-error', '-N', '--no-buffer', '-L', '--location'],
	...['-v', '--verbose', '-i', '--include', '-f', '--fail', '--fail-with-body', '-k'],
	...['--insecure', '--compressed', '-g', '--globoff', '--http1.1', '--http2', '-#'],
	...['--progress-bar', '-q', '--disable', '--no-progress-meter', '--raw'],
]);
/** Options with an argument that the playground does not use (their values are never shown). */
const IGNORED_WITH_ARG = new Set([
	...['-o', '--output', '-m', '--max-time', '--connect-timeout', '--retry', '-w'],
	...['--write-out', '-A', '--user-agent', '-e', '--referer', '-b', '--cookie', '-x'],
	...['--proxy', '-u', '--user', '--retry-delay', '--retry-max-time', '--oauth2-bearer'],
]);
const DATA = new Set(['-d', '--data', '--data-raw', '--data-binary', '--data-ascii', '--json']);
const LONG_WITH_ARG = new Set([...DATA, ...IGNORED_WITH_ARG, '--header', '--request', '--url']);
const SHORT_WITH_ARG = 'dHXomwAebxu';
const SHORT_FLAGS = 'sSNLvifkgq#';
/** Stands for "the body comes from standard input" (`-d @-`), i.e. the here-document. */
const STDIN = Symbol('stdin');

type Parsed = {
	url: string | null;
	method: string | null;
	data: (string | typeof STDIN)[];
	headers: [string, string][];
	ignored: string[];
	keyInOptions: boolean;
};
type Pair = [option: string, value: string | undefined];

/** Messages may quote the command; a key in it is never shown. */
const fail = (message: string): CurlImportResult => ({
	ok: false,
	message: message.replace(new RegExp(KEY_PATTERN.source, 'g'), 'sk-or-…'),
});

/** `-sSLX POST` / `-XPOST` / `-HAccept:x`: one cluster of short options → option/value pairs. */
function expandShort(word: string, next: () => string | undefined): Pair[] | null {
	const out: Pair[] = [];
	for (let i = 1; i < word.length; i++) {
		const c = word[i]!;
		if (SHORT_WITH_ARG.includes(c)) {
			out.push([`-${c}`, word.slice(i + 1) || next()]);
			return out;
		}
		if (!SHORT_FLAGS.includes(c)) return null;
		out.push([`-${c}`, undefined]);
	}
	return out;
}

function pairsOf(word: string, next: () => string | undefined): Pair[] | string {
	if (!word.startsWith('-') || word === '-') return [['', word]];
	if (FLAGS.has(word)) return [[word, undefined]];
	if (LONG_WITH_ARG.has(word)) return [[word, next()]];
	const short = word.startsWith('--') ? null : expandShort(word, next);
	return short ?? `Unknown curl option ${word}: remove it and paste again.`;
}

function readOptions(words: string[]): Parsed | string {
	const parsed: Parsed = {
		url: null,
		method: null,
		data: [],
		headers: [],
		ignored: [],
		keyInOptions: false,
	};
	let i = 0;
	const next = () => words[++i];
	for (; i < words.length; i++) {
		const word = words[i]!;
		if (word === '--') {
			for (const url of words.slice(i + 1)) {
				const problem = applyOption(parsed, ['', url]);
				if (problem) return problem;
			}
			break;
		}
		const pairs = pairsOf(word, next);
		if (typeof pairs === 'string') return pairs;
		for (const pair of pairs) {
			const problem = applyOption(parsed, pair);
			if (problem) return problem;
		}
	}
	return parsed;
}

function applyOption(parsed: Parsed, [option, value]: Pair): string | null {
	if (FLAGS.has(option)) return null;
	if (value === undefined) return `The option ${option} needs a value.`;
	if (option === '' || option === '--url') {
		if (parsed.url !== null) return 'The command names two URLs; paste one request at a time.';
		parsed.url = value;
	} else if (DATA.has(option)) {
		const fromFile = value.startsWith('@') && option !== '--data-raw';
		if (fromFile && value !== '@-')
			return `The body is read from a file (${option} @…): paste the JSON itself instead.`;
		parsed.data.push(fromFile ? STDIN : value);
		if (option === '--json') parsed.headers.push(['Content-Type', 'application/json']);
	} else if (option === '-H' || option === '--header') {
		const colon = value.indexOf(':');
		if (colon > 0) {
			const header: [string, string] = [
				value.slice(0, colon).trim(),
				value.slice(colon + 1).trim(),
			];
			// `$'a\r\nX-Injected: 1'` smuggles a second header in; fetch would refuse every Send.
			const problem = headerProblem(...header, !isAttribution(header[0]));
			if (problem) return problem;
			parsed.headers.push(header);
		}
	} else if (option === '-X' || option === '--request') parsed.method = value.toUpperCase();
	else {
		// Only IGNORED_WITH_ARG is left: pairsOf lets nothing else through.
		if (KEY_PATTERN.test(value) || option === '--oauth2-bearer') parsed.keyInOptions = true;
		if (!parsed.ignored.includes(option)) parsed.ignored.push(option);
	}
	return null;
}

/** Only these are sent by the playground: the Latin-1 rule of fetch matters for them alone. */
const isAttribution = (name: string) =>
	ATTRIBUTION_HEADERS.some((h) => h.toLowerCase() === name.toLowerCase());

/** A placeholder such as $OPENROUTER_API_KEY, ${KEY} or <OPENROUTER_API_KEY> is not a key. */
const isPlaceholder = (token: string) =>
	/^(\$\{?[A-Za-z_][A-Za-z0-9_]*\}?|<[^<>]*>|[A-Z][A-Z0-9_]*)$/.test(token);

function readHeaders(headers: [string, string][]) {
	const kept: Record<string, string> = {};
	const ignored: string[] = [];
	let keyDropped = false;
	let contentType: string | null = null;
	for (const [name, value] of headers) {
		const lower = name.toLowerCase();
		const attribution = ATTRIBUTION_HEADERS.find((h) => h.toLowerCase() === lower);
		if (KEY_PATTERN.test(value)) keyDropped = true;
		if (lower === 'authorization' || lower === 'x-api-key') {
			const token = value.replace(/^Bearer\s+/i, '').trim();
			if (token && !isPlaceholder(token)) keyDropped = true;
		} else if (lower === 'content-type') contentType = value;
		else if (attribution) {
			if (!KEY_PATTERN.test(value)) kept[attribution] = value;
		} else if (lower !== 'accept' && !ignored.includes(name)) ignored.push(name);
	}
	return { kept, ignored, keyDropped, contentType };
}

function readUrl(
	url: string | null,
): { ok: true; baseUrl: string } | { ok: false; message: string } {
	if (url === null || url === '') return { ok: false, message: 'The command has no URL.' };
	let parsed: URL;
	try {
		parsed = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `https://${url}`);
	} catch {
		return { ok: false, message: 'The URL in the command is not a valid URL.' };
	}
	const path = parsed.pathname.replace(/\/+$/, '');
	if (!path.endsWith('/chat/completions'))
		return {
			ok: false,
			message: `The command calls ${path || '/'}, not …/chat/completions: the playground builds chat completions requests.`,
		};
	return { ok: true, baseUrl: `${parsed.origin}${path.slice(0, -'/chat/completions'.length)}` };
}

function readBody(data: Parsed['data'], heredoc: string | null): Record<string, unknown> | string {
	if (data.length === 0) return 'The command has no body: a request is sent with -d or --json.';
	if (data.length > 1) return 'The command sends several bodies (-d …); paste one JSON body.';
	const raw = data[0] === STDIN ? heredoc : data[0]!;
	if (raw === null)
		return 'The body is read from standard input (@-), but no here-document follows.';
	let value: unknown;
	try {
		value = JSON.parse(raw);
	} catch (error) {
		return `The body is not JSON: ${error instanceof Error ? error.message : String(error)}`;
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value))
		return 'The body must be a JSON object (the chat request).';
	return value as Record<string, unknown>;
}

/** True when `text` is meant as a curl command (and not as request JSON). */
export { looksLikeCurl } from './curl-detect';

export function importCurl(input: string): CurlImportResult {
	const split = splitShellWords(curlCommandOf(input) ?? input.trim());
	if (!split.ok) return fail(split.message);
	const words = [...split.words];
	let rest = split.rest;
	// Lines that start with an option but lost their trailing backslash still belong to the command.
	while (rest.startsWith('-')) {
		const more = splitShellWords(rest);
		if (!more.ok) return fail(more.message);
		words.push(...more.words);
		rest = more.rest;
	}
	if (!/^(.*[\\/])?curl(\.exe)?$/.test(words[0] ?? ''))
		return fail('This is not a curl command: it should start with curl.');
	const parsed = readOptions(words.slice(1));
	if (typeof parsed === 'string') return fail(parsed);
	const url = readUrl(parsed.url);
	if (!url.ok) return fail(url.message);
	if (parsed.method !== null && parsed.method !== 'POST')
		return fail(`The command uses ${parsed.method}; chat completions are sent with POST.`);
	const headers = readHeaders(parsed.headers);
	if (headers.contentType !== null && !/json/i.test(headers.contentType))
		return fail(`The command sends Content-Type ${headers.contentType}; the API takes JSON.`);
	const body = readBody(parsed.data, split.heredoc);
	if (typeof body === 'string') return fail(body);
	if (KEY_PATTERN.test(JSON.stringify(body)))
		return fail(
			'The body contains what looks like an OpenRouter key (sk-or-…). Nothing was imported: remove the key and paste again.',
		);
	if (KEY_PATTERN.test(url.baseUrl))
		return fail('The URL path contains what looks like an OpenRouter key. Nothing was imported.');
	const ignored = [...headers.ignored, ...parsed.ignored];
	if (rest) ignored.push('what follows the command (pipes, redirections, more commands)');
	return {
		ok: true,
		value: {
			body,
			headers: headers.kept,
			baseUrl: url.baseUrl,
			keyDropped: headers.keyDropped || parsed.keyInOptions || KEY_PATTERN.test(parsed.url ?? ''),
			ignored,
		},
	};
}
