// The last step of `npm run build`: puts config.json beside the built app and renders the nginx server block
// for it (its CSP names the configured Genesys environment). ADHERE_CONFIG=path/to/config.json picks the
// configuration (default: the emulator's, so the build also runs as it is); ADHERE_ROOT is where the app will
// be served from (default /srv/adhere).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderServerBlock } from './nginx-conf.mjs';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const out = fileURLToPath(new URL('../deploy/', import.meta.url));
const source = process.env.ADHERE_CONFIG;
const root = process.env.ADHERE_ROOT ?? '/srv/adhere';

let config;
try {
  config = source
    ? JSON.parse(readFileSync(source, 'utf8'))
    : {
        clientId: 'adhere-local',
        redirectUri: 'http://localhost:3000/callback',
        loginBaseUrl: 'http://localhost:4010',
        apiBaseUrl: 'http://localhost:4011',
      };
} catch (err) {
  console.error(`build: cannot read ADHERE_CONFIG ${source}: ${err.message}`);
  process.exit(2);
}
if (
  typeof config !== 'object' ||
  config === null ||
  typeof config.clientId !== 'string' ||
  typeof config.redirectUri !== 'string'
) {
  console.error('build: config.json needs at least clientId and redirectUri (and region for a real org)');
  process.exit(2);
}
writeFileSync(`${dist}config.json`, `${JSON.stringify(config, null, 2)}\n`);
mkdirSync(out, { recursive: true });
writeFileSync(`${out}adhere.nginx.conf`, renderServerBlock({ root, config }));
console.log(
  `build: ${dist} is the app (with config.json${source ? ` from ${source}` : ", the emulator's"}); serve it from ${root}`,
);
console.log(`build: ${out}adhere.nginx.conf is its nginx server block (include it in nginx's http block)`);
