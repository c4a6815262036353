import { startEmulator } from './server';

const emulator = await startEmulator({
	port: Number(process.env.PORT ?? 8787),
	host: process.env.HOST ?? '127.0.0.1',
	tokenDelayMs: Number(process.env.EMULATOR_TOKEN_DELAY_MS ?? 20),
	generationDelayMs: Number(process.env.EMULATOR_GENERATION_DELAY_MS ?? 800),
	strictCors: process.env.EMULATOR_STRICT_CORS === '1',
});
console.log(`OpenRouter emulator listening on ${emulator.apiBaseUrl}`);

const stop = () => void emulator.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
