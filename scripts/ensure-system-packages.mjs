// The tests drive Debian's Chromium (never a downloaded browser build) and Debian's nginx (the shipped
// deployment). On a fresh machine this installs them with apt when running as root, or says what to run.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const NEEDED = [
  { path: '/usr/bin/chromium', pkg: 'chromium', why: 'the browser tests' },
  { path: '/usr/sbin/nginx', pkg: 'nginx', why: 'the deployment test' },
];
const missing = NEEDED.filter((n) => !existsSync(n.path));
if (missing.length > 0) {
  const pkgs = missing.map((m) => m.pkg);
  if (process.getuid?.() === 0) {
    console.log(`Installing Debian's ${pkgs.join(' and ')} for ${missing.map((m) => m.why).join(' and ')} (apt-get)…`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', ...pkgs], { stdio: 'inherit', env });
  } else {
    console.error(`The tests need Debian's ${pkgs.join(' and ')}: run  sudo apt-get install -y ${pkgs.join(' ')}`);
    process.exit(1);
  }
}
