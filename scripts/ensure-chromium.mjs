// Browser tests drive Debian's Chromium (never a downloaded browser build). On a fresh machine this
// installs it with apt when running as root, or says exactly what to run.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const CHROMIUM = '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  if (process.getuid?.() === 0) {
    console.log("Installing Debian's chromium for the browser tests (apt-get)…");
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
  } else {
    console.error(`The browser tests need Debian's Chromium at ${CHROMIUM}: run  sudo apt-get install -y chromium`);
    process.exit(1);
  }
}
