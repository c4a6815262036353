import { readFileSync, writeFileSync } from 'node:fs';
import ts from 'typescript';

/**
 * The command that runs a TypeScript file as `npx tsx file.ts` would: types stripped, then Node.
 * Stripped here with TypeScript itself (into `file.mjs` beside it, so imports resolve from the same
 * folder), so Node runs the module without tsx's loader in front of each of the thousand modules
 * the SDKs import: about 1 s a snippet instead of 2.2 s, and no npx lookup each time.
 */
export function typeScriptCommand(file: string): [string, string[]] {
	const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
		compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
		reportDiagnostics: false,
	});
	const stripped = file.replace(/\.ts$/, '.mjs');
	writeFileSync(stripped, outputText);
	return [process.execPath, [stripped]];
}
