// npm start: the embedded Genesys Cloud emulator (login :4010, API :4011, gateway :4012 for the official
// SDK) and the app on :3000. Emulator options pass through: npm start -- --agents 20000 --speed 60
import { fileURLToPath } from 'node:url';
import { EMULATOR_USAGE, optionsFromArgs, startEmulator } from '@adhere/emulator';
import { serveApp } from './serve.mjs';

const options = await optionsFromArgs(process.argv.slice(2)).catch((err) => {
  console.error(`npm start: ${err.message}`);
  process.exit(2);
});
if (options === 'help') {
  console.log(EMULATOR_USAGE);
  process.exit(0);
}
const emulator = await startEmulator({ ...options, host: '127.0.0.1', port: options.port ?? 4010, gateway: true });
const config = {
  clientId: 'adhere-local',
  redirectUri: 'http://localhost:3000/callback',
  loginBaseUrl: emulator.loginUrl,
  apiBaseUrl: emulator.apiUrl,
};
const distDir = fileURLToPath(new URL('../dist', import.meta.url));
const server = await serveApp({ port: 3000, distDir, config });
console.log(`Adhere is running on the embedded Genesys Cloud emulator (${options.agents} agents).`);
console.log(`  open      http://localhost:3000`);
console.log(`  sign in   ${emulator.centre.topology.supervisor.email} / supervisor`);
console.log(`  emulator  login ${emulator.loginUrl}, API ${emulator.apiUrl}, gateway ${emulator.gatewayUrl}`);
const stop = () => server.close(() => void emulator.close().then(() => process.exit(0)));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
