/**
 * `npm run demo`: the emulator plus the dev server pointed at it, so the playground works without a
 * key or a network. Any key starting with sk-or-v1-test- is accepted by the emulator.
 */
import { spawn } from 'node:child_process';
import { startEmulator } from '../emulator/server';
import { bin } from './bin';
import { closeOnSignal } from './servers';

const emulator = await startEmulator({ port: Number(process.env.PORT ?? 8787) });
const vite = spawn(bin('vite'), [], {
	stdio: 'inherit',
	env: { ...process.env, VITE_OPENROUTER_BASE_URL: emulator.apiBaseUrl },
});
console.log(
	`Demo: the app talks to the emulator at ${emulator.apiBaseUrl}. Use the key sk-or-v1-test-demo.`,
);
const servers = {
	async close() {
		vite.kill('SIGTERM');
		await emulator.close();
	},
};
closeOnSignal(servers);
vite.on('exit', () => void servers.close().then(() => process.exit(0)));
