/**
 * Errors are values at every boundary. Each kind says what happened in terms a user can act on.
 */
export type PlaygroundError =
	/** The API answered with a non-2xx status (or a 200 whose JSON body is an error envelope). */
	| {
			kind: 'http';
			status: number;
			code: number | string;
			message: string;
			metadata?: Record<string, unknown>;
	  }
	/** An error chunk arrived inside a 200 stream (or `choices[0].error` in a JSON body). */
	| { kind: 'stream'; code: number | string; message: string; metadata?: Record<string, unknown> }
	/** fetch rejected or the connection dropped mid-body. */
	| { kind: 'network'; message: string }
	/** The stream ended without `[DONE]` and without a finish reason. */
	| { kind: 'incomplete'; message: string }
	/** A data line was not JSON, or the body was not the shape we expect. */
	| { kind: 'protocol'; message: string }
	/** The app itself would not send (it is framed by another page): nothing left the browser. */
	| { kind: 'refused'; message: string };

export function describeError(error: PlaygroundError): string {
	switch (error.kind) {
		case 'http':
			return `${error.status} ${error.message}`;
		case 'stream':
			return `Error during the stream (${error.code}): ${error.message}`;
		case 'network':
			return `Connection lost: ${error.message}`;
		case 'incomplete':
			return error.message;
		case 'protocol':
			return `Unexpected response: ${error.message}`;
		case 'refused':
			return `Not sent: ${error.message}`;
	}
}
