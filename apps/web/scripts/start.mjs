// npm start: the embedded Genesys Cloud emulator (login :4010, API :4011, gateway :4012 for the official
// SDK, Genesys Cloud's own page framing the app :4013) and the app on :3000. Emulator options pass through: npm start -- --agents 20000 --speed 60
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
// The emulator's Genesys Cloud page (apps origin, :4013) frames the app as a client app would be, with the
// integration URL of the README's "Run inside Genesys Cloud".
const emulator = await startEmulator({
  ...options,
  host: '127.0.0.1',
  port: options.port ?? 4010,
  gateway: true,
  clientAppUrl:
    'http://localhost:3000/?gcHostOrigin={{gcHostOrigin}}&gcTargetEnv={{gcTargetEnv}}&gcLangTag={{gcLangTag}}&usePopupAuth={{gcUsePopupAuth}}',
});
const config = {
  clientId: 'adhere-local',
  redirectUri: 'http://localhost:3000/callback',
  loginBaseUrl: emulator.loginUrl,
  apiBaseUrl: emulator.apiUrl,
  embeddable: true,
  appsBaseUrl: emulator.appsUrl,
};
const distDir = fileURLToPath(new URL('../dist', import.meta.url));
const server = await serveApp({ port: 3000, distDir, config });
console.log(`Adhere is running on the embedded Genesys Cloud emulator (${options.agents} agents).`);
console.log(`  open      http://localhost:3000`);
console.log(`  or inside Genesys Cloud (emulated)  ${emulator.appsUrl}/`);
console.log(`  sign in   ${emulator.centre.topology.supervisor.email} / supervisor`);
console.log(`  emulator  login ${emulator.loginUrl}, API ${emulator.apiUrl}, gateway ${emulator.gatewayUrl}`);
const stop = () => server.close(() => void emulator.close().then(() => process.exit(0)));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
