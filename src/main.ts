import { mount } from 'svelte';
import App from './App.svelte';
import { browserEnv } from './app/browser';
import { createApp } from './app/create-app.svelte';
import { afterPaint } from './ui/idle';
import './ui/global.css';

// The first render comes in small tasks, each in a frame of its own, so none is a long frame (B1):
// this bundle's compile and run (the static top bar is painted meanwhile); building the app state
// and starting its reads (key, draft); the shell (App builds its panes over the next two frames).
void afterPaint()
	.then(() => {
		const app = createApp(browserEnv());
		void app.start(location.hash);
		return afterPaint().then(() => app);
	})
	.then((app) => {
		const target = document.getElementById('app') as HTMLElement;
		target.replaceChildren(); // the static top bar: App's own takes its place in the same frame
		mount(App, { target, props: { app } });
	});
