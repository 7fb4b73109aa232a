// Runs Debian's nginx in the foreground from a scratch directory with the configuration the app ships.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderStandaloneConf } from '../../scripts/nginx-conf.mjs';

export const NGINX = '/usr/sbin/nginx';

export interface RunningNginx {
  origin: string;
  port: number;
  close(): Promise<void>;
}

/** A port nothing listens on now (the OS picks it); nginx cannot bind port 0 itself. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** Resolves once the port accepts a connection (each try waits for connect or refusal: no sleeping). */
async function accepting(port: number, child: ChildProcess, log: () => string): Promise<void> {
  for (let attempt = 0; attempt < 500; attempt++) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}: ${log()}`);
    const ok = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise<void>((r) => setImmediate(r));
  }
  throw new Error(`nginx did not accept connections on ${port}: ${log()}`);
}

export async function startNginx(opts: {
  root: string;
  port: number;
  config: Record<string, string | boolean>;
}): Promise<RunningNginx> {
  if (!existsSync(NGINX)) throw new Error(`Debian's nginx is needed at ${NGINX}: apt-get install -y nginx`);
  const prefix = await mkdtemp(join(tmpdir(), 'adhere-nginx-'));
  for (const d of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) await mkdir(join(prefix, d));
  const configFile = join(prefix, 'config.json');
  await writeFile(configFile, JSON.stringify(opts.config));
  await writeFile(
    join(prefix, 'nginx.conf'),
    renderStandaloneConf({
      prefix,
      root: opts.root,
      listen: `127.0.0.1:${opts.port}`,
      config: opts.config,
      configFile,
    }),
  );
  const child = spawn(NGINX, ['-p', prefix, '-c', join(prefix, 'nginx.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += String(d)));
  await accepting(opts.port, child, () => stderr);
  return {
    origin: `http://localhost:${opts.port}`,
    port: opts.port,
    async close() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGQUIT');
      await exited;
      await rm(prefix, { recursive: true, force: true });
    },
  };
}
