/**
 * What `fetch` accepts as a request header (Fetch standard, "header name" and "header value";
 * WebIDL ByteString): a name is an RFC 9110 token; a value, once its leading and trailing blanks
 * are trimmed, has no CR, LF or NUL and no character above U+00FF. `fetch` throws a TypeError on
 * anything else, which would reach the user as a failed connection; we name the header instead.
 */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

const printable = (text: string) =>
	JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);

/**
 * Why `fetch` would refuse this header, naming it; null when it can be sent. `wideOk` skips the
 * Latin-1 rule, for a header that is only read (curl itself sends UTF-8), never sent by us.
 */
export function headerProblem(name: string, raw: string, wideOk = false): string | null {
	const value = raw.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '');
	if (!TOKEN.test(name))
		return `The header name ${printable(name)} is not valid: a name is letters, digits and - only.`;
	if (/[\r\n]/.test(value))
		return `The header ${name} has a line break in its value: a header is one line, and a line break could smuggle in another header.`;
	if (value.includes('\0')) return `The header ${name} has a NUL character in its value.`;
	if (wideOk) return null;
	const wide = [...value].find((c) => c.codePointAt(0)! > 0xff);
	if (wide !== undefined)
		return `The header ${name} contains ${JSON.stringify(wide)}: a browser can send only Latin-1 characters in a header value.`;
	return null;
}

/** The first problem among `headers`, or null when `fetch` takes them all. */
export function headersProblem(headers: Record<string, string>): string | null {
	for (const [name, value] of Object.entries(headers)) {
		const problem = headerProblem(name, value);
		if (problem) return problem;
	}
	return null;
}
