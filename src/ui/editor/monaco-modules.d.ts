// monaco-editor ships no declarations for its ESM JSON contribution entry; monaco.ts casts it.
declare module 'monaco-editor/language/json/monaco.contribution' {
	export const jsonDefaults: unknown;
}
// Editor feature modules are imported for their side effect (registering a contribution).
declare module 'monaco-editor/editor/contrib/*';
declare module 'monaco-editor/editor/browser/coreCommands';
declare module 'monaco-editor/languages/features/json/jsonMode';
