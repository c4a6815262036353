import {
	attributionHeaders,
	attributionProblems,
	defaultAttribution,
	type AttributionV1,
} from '../core/attribution';

export type AttributionDeps = {
	appUrl: string;
	load(): AttributionV1 | null;
	save(value: AttributionV1): void;
};

/** The optional attribution headers sent with each request and shown in the snippets. */
export class Attribution {
	#deps: AttributionDeps;
	#value = $state<AttributionV1>({ v: 1, enabled: false, referer: '', title: '' });
	headers: Record<string, string> = $derived(attributionHeaders(this.#value));
	/** Values `fetch` would refuse: not sent, and the form names them. */
	problems: { name: string; message: string }[] = $derived(attributionProblems(this.#value));

	constructor(deps: AttributionDeps) {
		this.#deps = deps;
		this.#value = deps.load() ?? defaultAttribution(deps.appUrl);
	}

	get value(): AttributionV1 {
		return this.#value;
	}

	update(change: Partial<Omit<AttributionV1, 'v'>>): void {
		this.#value = { ...this.#value, ...change };
		this.#deps.save(this.#value);
	}

	reset(): void {
		this.update({ ...defaultAttribution(this.#deps.appUrl), enabled: this.#value.enabled });
	}
}
