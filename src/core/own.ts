/**
 * Objects keyed by names from outside (a model's fields, the user's JSON): assignment would treat
 * `__proto__` as the object's prototype and read `constructor` from Object, so these define and
 * read own properties only.
 */

/** Sets `key` as an own, enumerable property, as JSON.parse does (`__proto__` included). */
export function setOwn(target: object, key: string, value: unknown): void {
	Object.defineProperty(target, key, {
		value,
		writable: true,
		enumerable: true,
		configurable: true,
	});
}

/** The own property `key`, or undefined: nothing inherited. */
export function getOwn(source: object, key: string): unknown {
	return Object.hasOwn(source, key) ? (source as Record<string, unknown>)[key] : undefined;
}
