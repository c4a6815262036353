/**
 * `npm run demo`: the emulator plus the dev server pointed at it, so the playground works without a
 * key or a network. Any key starting with sk-or-v1-test- is accepted by the emulator.
 */
import { spawn } from 'node:child_process';

const port = process.env.PORT ?? '8787';
const apiBaseUrl = `http://127.0.0.1:${port}/api/v1`;
const children = [
	spawn('npx', ['tsx', 'tests/emulator/main.ts'], {
		stdio: 'inherit',
		env: { ...process.env, PORT: port },
	}),
	spawn('npx', ['vite'], {
		stdio: 'inherit',
		env: { ...process.env, VITE_OPENROUTER_BASE_URL: apiBaseUrl },
	}),
];
console.log(
	`Demo: the app talks to the emulator at ${apiBaseUrl}. Use the key sk-or-v1-test-demo.`,
);

const stop = () => {
	for (const child of children) child.kill('SIGTERM');
	process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children) child.on('exit', (code) => code && code !== 0 && stop());
