/**
 * A static host in a few lines, for the browser tests and the benchmarks: serves a built dist/
 * under a base path (`/some/path/`), with the response headers the build wrote to `_headers`
 * (what Netlify and Cloudflare Pages do) or, with `--no-headers`, none (GitHub Pages), and gzip, as
 * static hosts do. Outside the base: 404; a path that is no file: 404, or with `--spa` the base's
 * index.html. Each file is read and compressed once (again when it
 * changes on disk): a test suite loads the same few hundred files thousands of times.
 * CLI: `tsx tests/scripts/static-server.ts --root dist --base /some/path/ --port 4174 [--no-headers] [--spa]`.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ttf': 'font/ttf',
	'.woff2': 'font/woff2',
	'.txt': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.txt', '.ttf']);

export type HeaderRule = { pattern: string; headers: [string, string][] };

/** Netlify / Cloudflare Pages `_headers`: a path line, then indented `Name: value` lines. */
export function parseHeadersFile(text: string): HeaderRule[] {
	const rules: HeaderRule[] = [];
	for (const line of text.split(/\r?\n/)) {
		if (!line.trim() || line.trim().startsWith('#')) continue;
		if (!/^\s/.test(line)) {
			rules.push({ pattern: line.trim(), headers: [] });
			continue;
		}
		const colon = line.indexOf(':');
		const rule = rules.at(-1);
		if (rule && colon > 0)
			rule.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
	}
	return rules;
}

/** `/*` matches everything; `/assets/*` a prefix; anything else the exact path. Relative to the base. */
export function ruleMatches(pattern: string, path: string): boolean {
	return pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : path === pattern;
}

export type StaticServerOptions = {
	root: string;
	base?: string;
	port?: number;
	host?: string;
	/** Whether to send what `_headers` says (default); false: a host that sends no headers of its own. */
	headersFile?: boolean;
	/** Answer a path that is no file with the base's index.html (Cloudflare Pages, `vite preview`). */
	spa?: boolean;
	/** Extra headers on every response (the memory bench adds COOP/COEP). */
	extraHeaders?: Record<string, string>;
};

type Body = { mtimeMs: number; size: number; raw: Buffer; gzip?: Buffer };

/** A file's bytes, and gzip when asked, from memory unless the file changed since. */
function cachedBody(cache: Map<string, Body>, file: string, gzip: boolean): Buffer {
	const { mtimeMs, size } = statSync(file);
	let body = cache.get(file);
	if (!body || body.mtimeMs !== mtimeMs || body.size !== size) {
		body = { mtimeMs, size, raw: readFileSync(file) };
		cache.set(file, body);
	}
	if (!gzip) return body.raw;
	body.gzip ??= gzipSync(body.raw);
	return body.gzip;
}

export function startStaticServer(options: StaticServerOptions): Promise<Server> {
	const base = options.base ?? '/';
	const root = normalize(options.root);
	const headersFile = join(root, '_headers');
	const rules =
		options.headersFile !== false && existsSync(headersFile)
			? parseHeadersFile(readFileSync(headersFile, 'utf8'))
			: [];
	const cache = new Map<string, Body>();
	const server = createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://static.local');
		if (!url.pathname.startsWith(base)) return res.writeHead(404).end('Not found');
		const path = `/${decodeURIComponent(url.pathname.slice(base.length))}`;
		let file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
		if (!file.startsWith(root + sep)) return res.writeHead(404).end('Not found');
		if (!existsSync(file) || !statSync(file).isFile()) {
			if (!options.spa) return res.writeHead(404).end('Not found');
			file = join(root, 'index.html');
		}
		for (const rule of rules)
			if (ruleMatches(rule.pattern, path)) for (const [k, v] of rule.headers) res.setHeader(k, v);
		for (const [k, v] of Object.entries(options.extraHeaders ?? {})) res.setHeader(k, v);
		const ext = extname(file);
		res.setHeader('Content-Type', TYPES[ext] ?? 'application/octet-stream');
		res.setHeader(
			'Cache-Control',
			path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
		);
		const gzip =
			COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
		if (gzip) res.setHeader('Content-Encoding', 'gzip');
		const body = cachedBody(cache, file, gzip);
		res.setHeader('Content-Length', body.length);
		res.writeHead(200).end(req.method === 'HEAD' ? undefined : body);
	});
	return new Promise((resolve) =>
		server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve(server)),
	);
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const arg = (name: string, fallback: string) => {
		const at = process.argv.indexOf(`--${name}`);
		return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
	};
	const base = arg('base', '/');
	const port = Number(arg('port', '4174'));
	const server = await startStaticServer({
		root: arg('root', 'dist'),
		base,
		port,
		headersFile: !process.argv.includes('--no-headers'),
		spa: process.argv.includes('--spa'),
	});
	console.log(`serving ${arg('root', 'dist')} at http://127.0.0.1:${port}${base}`);
	const stop = () => server.close(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}
