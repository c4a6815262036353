import { describe, expect, it } from 'vitest';
import {
	laterList,
	manifestVersion,
	ownFiles,
	precacheList,
} from '../../../../src/core/offline/precache';

describe('precacheList', () => {
	const bundle = [
		{
			type: 'chunk' as const,
			fileName: 'assets/index-a1.js',
			isEntry: true,
			imports: ['assets/shared-b2.js'],
			dynamicImports: ['assets/checks-e5.js', 'assets/editor-f6.js'],
			css: ['assets/index-c3.css'],
		},
		{ type: 'chunk' as const, fileName: 'assets/shared-b2.js', isEntry: false, imports: [] },
		// Reached through import() but part of the app: precached, so it works offline.
		{ type: 'chunk' as const, fileName: 'assets/checks-e5.js', isEntry: false, imports: [] },
		// The editor glue is small; the Monaco chunk it loads is heavy: cached when fetched.
		{
			type: 'chunk' as const,
			fileName: 'assets/editor-f6.js',
			isEntry: false,
			imports: [],
			dynamicImports: ['assets/monaco-d4.js'],
		},
		{
			type: 'chunk' as const,
			fileName: 'assets/monaco-d4.js',
			isEntry: false,
			imports: ['assets/shared-b2.js', 'assets/monaco-css-g7.js'],
			heavy: true,
		},
		{
			type: 'chunk' as const,
			fileName: 'assets/monaco-css-g7.js',
			isEntry: false,
			imports: [],
			heavy: true,
		},
		{ type: 'chunk' as const, fileName: 'sw.js', isEntry: false, imports: [] },
		{ type: 'asset' as const, fileName: 'assets/index-c3.css' },
		{ type: 'asset' as const, fileName: '_headers' },
		{ type: 'asset' as const, fileName: 'index.html' },
	];

	it('holds the page, the entry, all it imports but Monaco, its CSS, and public files', () => {
		expect(precacheList(bundle, ['favicon.svg', '_headers'])).toEqual([
			'assets/checks-e5.js',
			'assets/editor-f6.js',
			'assets/index-a1.js',
			'assets/index-c3.css',
			'assets/shared-b2.js',
			'favicon.svg',
			'index.html',
		]);
	});

	it('lists every file of the build as its own, Monaco too, but never the worker or host files', () => {
		const own = ownFiles(
			[...bundle, { type: 'asset', fileName: '.vite/manifest.json' }],
			['favicon.svg', '_headers'],
		);
		expect(own).toEqual([
			'assets/checks-e5.js',
			'assets/editor-f6.js',
			'assets/index-a1.js',
			'assets/index-c3.css',
			'assets/monaco-css-g7.js',
			'assets/monaco-d4.js',
			'assets/shared-b2.js',
			'favicon.svg',
			'index.html',
		]);
	});

	it('lists for later exactly the own files the precache leaves out: the editor’s', () => {
		const later = laterList(
			[...bundle, { type: 'asset', fileName: '.vite/manifest.json' }],
			['favicon.svg', '_headers'],
		);
		expect(later).toEqual(['assets/monaco-css-g7.js', 'assets/monaco-d4.js']);
	});

	it('versions change when any file name or the page changes', () => {
		const files = precacheList(bundle);
		expect(manifestVersion(files, '<html>')).toBe(manifestVersion([...files], '<html>'));
		expect(manifestVersion(files, '<html>')).not.toBe(manifestVersion(files, '<html> '));
		expect(manifestVersion(files, '<html>')).not.toBe(
			manifestVersion([...files, 'assets/x.js'], '<html>'),
		);
	});
});
