// The last step of `npm run build`: puts config.json beside the built app and renders the nginx server block
// for it (its CSP names the configured Genesys environment). ADHERE_CONFIG=path/to/config.json picks the
// configuration (default: the emulator's, so the build also runs as it is); ADHERE_ROOT is where the app will
// be served from (default /srv/adhere).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkConfigText } from '@adhere/oauth';
import { renderServerBlock } from './nginx-conf.mjs';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const out = fileURLToPath(new URL('../deploy/', import.meta.url));
const source = process.env.ADHERE_CONFIG;
const root = process.env.ADHERE_ROOT ?? '/srv/adhere';

let text;
try {
  text = source
    ? readFileSync(source, 'utf8')
    : JSON.stringify({
        clientId: 'adhere-local',
        redirectUri: 'http://localhost:3000/callback',
        loginBaseUrl: 'http://localhost:4010',
        apiBaseUrl: 'http://localhost:4011',
      });
} catch (err) {
  console.error(`build: cannot read ADHERE_CONFIG ${source}: ${err.code ?? err.message}`);
  process.exit(2);
}
// The same check as the app's at start and `adhere doctor --config`: a build never ships a config the app refuses.
const diagnosis = checkConfigText(text);
if (!diagnosis.ok) {
  for (const f of diagnosis.findings.filter((x) => x.severity === 'error'))
    console.error(`build: config.json: ${f.message} Fix: ${f.fix}`);
  process.exit(2);
}
const config = JSON.parse(text);
writeFileSync(`${dist}config.json`, `${JSON.stringify(config, null, 2)}\n`);
mkdirSync(out, { recursive: true });
writeFileSync(`${out}adhere.nginx.conf`, renderServerBlock({ root, config }));
console.log(
  `build: ${dist} is the app (with config.json${source ? ` from ${source}` : ", the emulator's"}); serve it from ${root}`,
);
console.log(`build: ${out}adhere.nginx.conf is its nginx server block (include it in nginx's http block)`);
