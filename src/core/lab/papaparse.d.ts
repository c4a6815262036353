/**
 * The part of papaparse that core uses: parsing a string, synchronously, without a worker. Declared
 * here rather than taken from @types/papaparse, whose `/// <reference types="node" />` would bring
 * Node's globals (fetch, process, Buffer) into the core program and defeat tsconfig.core.json.
 * Fields as documented at https://www.papaparse.com/docs#config and #results.
 */
declare module 'papaparse' {
	export type ParseError = {
		type: 'Quotes' | 'Delimiter' | 'FieldMismatch';
		code: string;
		message: string;
		/** Index of the row the error was found in, when known. */
		row?: number;
		/** Character offset in the input, when known. */
		index?: number;
	};

	export type ParseConfig = {
		delimiter?: string;
		newline?: '' | '\r\n' | '\n' | '\r';
		quoteChar?: string;
		escapeChar?: string;
		header?: false;
		dynamicTyping?: false;
		/** Stop after this many rows. */
		preview?: number;
		skipEmptyLines?: boolean | 'greedy';
		/** Called with each row in turn (`data` is then that one row); `parser.abort()` stops. */
		step?: (row: StepResult, parser: { abort(): void }) => void;
		worker?: false;
		download?: false;
	};

	export type ParseResult = {
		data: string[][];
		errors: ParseError[];
		meta: { delimiter: string; linebreak: string; aborted: boolean; truncated?: boolean };
	};

	export type StepResult = {
		data: string[];
		errors: ParseError[];
		/** `cursor`: offset in the input just past this row and its line break. */
		meta: { delimiter: string; linebreak: string; aborted: boolean; cursor: number };
	};

	const Papa: {
		parse(input: string, config: ParseConfig & { step?: undefined }): ParseResult;
		parse(input: string, config: ParseConfig): void;
	};
	export default Papa;
}
