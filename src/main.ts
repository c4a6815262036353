import { mount } from 'svelte';
import App from './App.svelte';
import { browserEnv } from './app/browser';
import { createApp } from './app/create-app.svelte';
import { createThemeStore } from './io/theme-store';
import './ui/global.css';

// Before the first render: a chosen theme never flashes the system's first.
const themes = createThemeStore();
themes.apply(themes.load());

const app = createApp(browserEnv());
mount(App, { target: document.getElementById('app') as HTMLElement, props: { app } });
void app.start(location.hash);
