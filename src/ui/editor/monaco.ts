/**
 * The one module that touches monaco-editor, always through dynamic import() so none of it is in
 * the first bundle. Only the editor core, the JSON language and its worker are loaded (no
 * TypeScript worker). The request schema drives completion, hover and validation markers.
 */
import { enterTakesSuggestion } from '../../core/editor/enter-key';
import { formatJson } from '../../core/request/format';
import { withHoverDocs } from '../../core/request/hover-docs';
import type { JsonSchema } from '../../core/request/schema';
import { minimalEdit } from './text-diff';

type Api = typeof import('monaco-editor/editor/editor.api');
type JsonDefaults = typeof import('monaco-editor').json.jsonDefaults;
type Editor = import('monaco-editor/editor/editor.api').editor.IStandaloneCodeEditor;

export type Theme = 'light' | 'dark';
export type Marker = {
	offset: number;
	length?: number;
	message: string;
	severity: 'error' | 'warning';
};

export type MonacoOptions = {
	container: HTMLElement;
	/** Earlier texts, oldest first, ending with the current one: replayed so undo reaches them. */
	history: readonly string[];
	selection: { start: number; end: number };
	theme: Theme;
	/** Long lines wrap (the user's choice, kept in the editor preferences). */
	wrap: boolean;
	schema: JsonSchema;
	ariaLabel: string;
	onChange: (text: string) => void;
	onSubmit: () => void;
};

export type MonacoHandle = {
	/** Applies an outside change (a form edit) as one undoable edit. */
	setValue(text: string): void;
	setTheme(theme: Theme): void;
	setWrap(wrap: boolean): void;
	/**
	 * Once the editor is shown: lays it out and scrolls so `firstLine` (1-based, the first line the
	 * plain field showed) is at the top, as the field showed it, wherever the cursor is.
	 */
	reveal(firstLine: number): void;
	focus(): void;
	/** Our own checks (the API's rules beyond the schema) as markers beside the JSON worker's. */
	setMarkers(markers: readonly Marker[]): void;
	dispose(): void;
};

const MODEL_URI = 'inmemory://playground/request.json';
const SCHEMA_URI = 'inmemory://playground/request.schema.json';
const THEMES = { light: 'vs', dark: 'vs-dark' } as const;

let loading: Promise<Api> | null = null;

/** The editor features we use, picked from editor.main (which would also bring every language). */
function loadFeatures(): Promise<unknown[]> {
	return Promise.all([
		import('monaco-editor/editor/browser/coreCommands'),
		import('monaco-editor/editor/contrib/hover/browser/hoverContribution'),
		import('monaco-editor/editor/contrib/suggest/browser/suggestController'),
		import('monaco-editor/editor/contrib/bracketMatching/browser/bracketMatching'),
		import('monaco-editor/editor/contrib/folding/browser/folding'),
		import('monaco-editor/editor/contrib/find/browser/findController'),
		import('monaco-editor/editor/contrib/clipboard/browser/clipboard'),
		import('monaco-editor/editor/contrib/contextmenu/browser/contextmenu'),
		import('monaco-editor/editor/contrib/gotoError/browser/gotoError'),
		import('monaco-editor/editor/contrib/format/browser/formatActions'),
		import('monaco-editor/editor/contrib/wordHighlighter/browser/wordHighlighter'),
		import('monaco-editor/editor/contrib/multicursor/browser/multicursor'),
		import('monaco-editor/editor/contrib/linesOperations/browser/linesOperations'),
		import('monaco-editor/editor/contrib/cursorUndo/browser/cursorUndo'),
		import('monaco-editor/editor/contrib/wordOperations/browser/wordOperations'),
		import('monaco-editor/editor/contrib/smartSelect/browser/smartSelect'),
		import('monaco-editor/editor/contrib/indentation/browser/indentation'),
		// The JSON language's own module, which Monaco would fetch once the first model exists. It
		// registers editor services and contributions of its own (code lens, drop into editor): loaded
		// after the first editor, a second editor (plain field, then Monaco again) met them unknown.
		import('monaco-editor/languages/features/json/jsonMode'),
	]);
}

/** Loads Monaco once: editor core, JSON language, and workers from this origin (CSP worker-src 'self'). */
export function loadMonaco(schema: JsonSchema): Promise<Api> {
	loading ??= (async () => {
		const [api, , json, editorWorker, jsonWorker] = await Promise.all([
			import('monaco-editor/editor/editor.api'),
			loadFeatures(),
			import('monaco-editor/language/json/monaco.contribution'),
			import('monaco-editor/editor/editor.worker?worker'),
			import('monaco-editor/language/json/json.worker?worker'),
		]);
		globalThis.MonacoEnvironment = {
			getWorker: (_id, label) =>
				label === 'json' ? new jsonWorker.default() : new editorWorker.default(),
		};
		const defaults = json.jsonDefaults as JsonDefaults;
		defaults.setDiagnosticsOptions({
			validate: true,
			allowComments: false,
			trailingCommas: 'error',
			enableSchemaRequest: false,
			// Hover shows type, range, default and description (markdownDescription).
			schemas: [{ uri: SCHEMA_URI, fileMatch: [MODEL_URI], schema: withHoverDocs(schema) }],
		});
		// One formatter for the button, the plain field and Shift+Alt+F here: ours, which changes
		// whitespace only (the JSON worker's would rewrite nothing else, but could differ in layout).
		defaults.setModeConfiguration({
			...defaults.modeConfiguration,
			documentFormattingEdits: false,
			documentRangeFormattingEdits: false,
		});
		api.languages.registerDocumentFormattingEditProvider('json', {
			provideDocumentFormattingEdits(model) {
				const before = model.getValue();
				const result = formatJson(before);
				const edit = result.ok ? minimalEdit(before, result.text) : null;
				if (!edit) return [];
				const from = model.getPositionAt(edit.start);
				const to = model.getPositionAt(edit.end);
				const range = new api.Range(from.lineNumber, from.column, to.lineNumber, to.column);
				return [{ range, text: edit.text }];
			},
		});
		return api;
	})();
	return loading;
}

function seedModel(api: Api, history: readonly string[]) {
	const model = api.editor.createModel(history[0] ?? '', 'json', api.Uri.parse(MODEL_URI));
	for (const text of history.slice(1)) replaceMinimal(api, model, text, false);
	return model;
}

function replaceMinimal(
	api: Api,
	model: import('monaco-editor/editor/editor.api').editor.ITextModel,
	text: string,
	keepSelection: boolean,
): void {
	const edit = minimalEdit(model.getValue(), text);
	if (!edit) return;
	const from = model.getPositionAt(edit.start);
	const to = model.getPositionAt(edit.end);
	const range = new api.Range(from.lineNumber, from.column, to.lineNumber, to.column);
	model.pushStackElement();
	model.pushEditOperations(keepSelection ? null : [], [{ range, text: edit.text }], () => null);
	model.pushStackElement();
}

export async function createMonacoEditor(options: MonacoOptions): Promise<MonacoHandle> {
	const api = await loadMonaco(options.schema);
	api.editor.getModel(api.Uri.parse(MODEL_URI))?.dispose();
	const model = seedModel(api, options.history);
	const editor: Editor = api.editor.create(options.container, {
		model,
		theme: THEMES[options.theme],
		ariaLabel: options.ariaLabel,
		automaticLayout: true,
		minimap: { enabled: false },
		fontSize: 13,
		tabSize: 2,
		scrollBeyondLastLine: false,
		wordWrap: options.wrap ? 'on' : 'off',
		fixedOverflowWidgets: true,
		// Large pasted requests: keep tokenizing and folding bounded.
		largeFileOptimizations: true,
		// The classic hidden textarea, not the experimental EditContext input: it is the mature path
		// for screen readers and IMEs, and whole-text replacements raced inside EditContext.
		editContext: false,
		// What is typed is what is sent: no auto-inserted closers. Overtype only helps when the closer
		// is typed right beside the one Monaco added; a request typed over several lines (or with the
		// cursor moved) kept the extra `"` and `}`, so the JSON broke. Like the plain field, then.
		autoClosingBrackets: 'never',
		autoClosingQuotes: 'never',
		autoSurround: 'never',
		// Enter on an open suggestion list: see the Enter command below ('smart' is what is left if
		// that command does not apply). A comma is always a comma: typed fast, `,` took a
		// suggestion and the JSON came out other than typed. Tab (or a click) takes the suggestion.
		acceptSuggestionOnEnter: 'smart',
		acceptSuggestionOnCommitCharacter: false,
	});
	const start = model.getPositionAt(options.selection.start);
	const end = model.getPositionAt(options.selection.end);
	editor.setSelection(new api.Range(start.lineNumber, start.column, end.lineNumber, end.column));

	let applying = false;
	const changes = model.onDidChangeContent(() => {
		if (!applying) options.onChange(model.getValue());
	});
	// The app's Ctrl/Cmd+Enter: Monaco would otherwise take the key for "insert line below".
	editor.addCommand(api.KeyMod.CtrlCmd | api.KeyCode.Enter, () => options.onSubmit());
	// Enter with the suggestion list open takes the suggestion inside an unfinished word, as in
	// VS Code, and is a new line after a finished token, so JSON typed fast stays as typed (the
	// rule and its reasons: core/editor/enter-key.ts).
	editor.addCommand(
		api.KeyCode.Enter,
		() => {
			const at = editor.getPosition();
			const before = at ? model.getLineContent(at.lineNumber).slice(0, at.column - 1) : '';
			if (enterTakesSuggestion(before)) {
				editor.trigger('keyboard', 'acceptSelectedSuggestion', {});
				return;
			}
			editor.trigger('keyboard', 'hideSuggestWidget', {});
			editor.trigger('keyboard', 'type', { text: '\n' });
		},
		'suggestWidgetVisible && textInputFocus',
	);
	// No keyboard trap (WCAG 2.1.2): Tab indents, but Escape then Tab (or Shift+Tab) leaves the
	// editor, as in the plain field. Any other key, or coming back, makes Tab indent again.
	const keys = editor.onKeyDown((event) => {
		const { KeyCode } = api;
		if (event.keyCode === KeyCode.Escape) editor.updateOptions({ tabFocusMode: true });
		else if (event.keyCode !== KeyCode.Tab && event.keyCode !== KeyCode.Shift)
			editor.updateOptions({ tabFocusMode: false });
	});
	const refocus = editor.onDidFocusEditorText(() => editor.updateOptions({ tabFocusMode: false }));

	return {
		setValue(text) {
			if (model.getValue() === text) return;
			applying = true;
			try {
				replaceMinimal(api, model, text, true);
			} finally {
				applying = false;
			}
		},
		setTheme: (theme) => api.editor.setTheme(THEMES[theme]),
		setWrap: (wrap) => editor.updateOptions({ wordWrap: wrap ? 'on' : 'off' }),
		reveal(firstLine) {
			// Created while hidden, the editor had no height: any reveal then scrolled wrongly.
			editor.layout();
			const line = Math.min(Math.max(1, firstLine), model.getLineCount());
			editor.setScrollTop(editor.getTopForLineNumber(line));
		},
		focus: () => editor.focus(),
		setMarkers(markers) {
			const data = markers.map((m) => {
				const from = model.getPositionAt(m.offset);
				const to = model.getPositionAt(m.offset + Math.max(1, m.length ?? 1));
				return {
					message: m.message,
					severity: m.severity === 'error' ? api.MarkerSeverity.Error : api.MarkerSeverity.Warning,
					startLineNumber: from.lineNumber,
					startColumn: from.column,
					endLineNumber: to.lineNumber,
					endColumn: to.column,
				};
			});
			api.editor.setModelMarkers(model, 'playground', data);
		},
		dispose() {
			changes.dispose();
			keys.dispose();
			refocus.dispose();
			editor.dispose();
			model.dispose();
		},
	};
}
