import { parseArgs } from 'node:util';
import { loadClientsFile, type OAuthClient } from './clients.js';
import { SUPERVISOR_PASSWORD } from './directory.js';
import { CliUsageError } from './errors.js';
import { startEmulator, type Emulator, type EmulatorOptions } from './server.js';
import { loadUsersFile } from './user-accounts.js';

export const EMULATOR_USAGE = `Usage: adhere-emulator [options]

A local Genesys Cloud: login origin on --port, API origin on --port + 1.
  --port N              login origin port (default 4010; API on 4011)
  --host H              interface to bind (default 127.0.0.1)
  --agents N            simulated agents (default 2000)
  --seed N              simulation seed (default 42)
  --speed N             simulated seconds per real second (default 1)
  --clients FILE        extra OAuth clients (JSON array)
  --users FILE          extra sign-in accounts: a JSON array of {"email", "password", "name", "permissions": [...]}
  --cors-origin ORIGIN  allow another browser origin (repeatable)
  --rate-429 R          share of API requests answered 429 (0–1)
  --retry-after S       Retry-After seconds for injected 429s (default 1)
  --async MODE          when explanation queries answer with a job: size (default: over 1,000 results), always, never
  --rate-limit N        API requests per token per minute, as Genesys's token.rate.per.minute (default 300; 0: off)
  --rate-5xx R          share of API requests answered 503 (0–1)
  --latency MS          added latency per API request
  --channel-lifetime S  notification channel lifetime (default 86400)
  --heartbeat S         WebSocket heartbeat interval (default 30)
  --login-session S     how long a browser stays signed in on the login origin (default 28800; 0: the password
                        every time, as a HIPAA org)
  --drop-sockets-every S  cut every notification socket every S seconds
  --gateway             also serve login and API paths on one origin, port + 2 (the official SDK's setGateway)
  --quiet               no log lines`;

function num(value: string | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max)
    throw new CliUsageError(`--${name} must be a number from ${min} to ${max}, not ${JSON.stringify(value)}`);
  return n;
}

/** Parses the command line into options (throws CliUsageError with a clear message). */
export async function optionsFromArgs(argv: string[]): Promise<EmulatorOptions | 'help'> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        agents: { type: 'string' },
        seed: { type: 'string' },
        speed: { type: 'string' },
        clients: { type: 'string' },
        users: { type: 'string' },
        'cors-origin': { type: 'string', multiple: true },
        'rate-429': { type: 'string' },
        'retry-after': { type: 'string' },
        'rate-limit': { type: 'string' },
        async: { type: 'string' },
        'rate-5xx': { type: 'string' },
        latency: { type: 'string' },
        'channel-lifetime': { type: 'string' },
        heartbeat: { type: 'string' },
        'login-session': { type: 'string' },
        'drop-sockets-every': { type: 'string' },
        gateway: { type: 'boolean' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    });
  } catch (err) {
    throw new CliUsageError((err as Error).message, { cause: err });
  }
  const v = parsed.values;
  if (v.help) return 'help';
  let clients: OAuthClient[] = [];
  if (v.clients) clients = await loadClientsFile(v.clients);
  const users = v.users ? await loadUsersFile(v.users) : undefined;
  const faults: NonNullable<EmulatorOptions['faults']> = {};
  const r429 = num(v['rate-429'], 'rate-429', 0, 1);
  const r5xx = num(v['rate-5xx'], 'rate-5xx', 0, 1);
  const latency = num(v.latency, 'latency', 0, 60_000);
  const retryAfter = num(v['retry-after'], 'retry-after', 0, 3600);
  if (r429 !== undefined) faults.rate429 = r429;
  if (r5xx !== undefined) faults.rate5xx = r5xx;
  if (latency !== undefined) faults.latencyMs = latency;
  if (retryAfter !== undefined) faults.retryAfterMs = retryAfter * 1000;
  const options: EmulatorOptions = {
    port: num(v.port, 'port', 1, 65534) ?? 4010,
    host: v.host ?? '127.0.0.1',
    agents: num(v.agents, 'agents', 1, 50_000) ?? 2000,
    seed: num(v.seed, 'seed', 0, 2 ** 31) ?? 42,
    speed: num(v.speed, 'speed', 0.01, 3600) ?? 1,
    clients,
    corsOrigins: v['cors-origin'] ?? [],
    faults,
    ...(users ? { users } : {}),
  };
  const lifetime = num(v['channel-lifetime'], 'channel-lifetime', 1, 86_400 * 7);
  const heartbeat = num(v.heartbeat, 'heartbeat', 1, 3600);
  if (lifetime !== undefined) options.channelLifetimeMs = lifetime * 1000;
  if (heartbeat !== undefined) options.heartbeatMs = heartbeat * 1000;
  const session = num(v['login-session'], 'login-session', 0, 86_400 * 30);
  if (session !== undefined) options.loginSessionMs = session * 1000;
  const drop = num(v['drop-sockets-every'], 'drop-sockets-every', 1, 86_400);
  if (drop !== undefined) options.dropSocketsEveryMs = drop * 1000;
  const rateLimit = num(v['rate-limit'], 'rate-limit', 0, 1_000_000);
  if (rateLimit !== undefined) options.rateLimitPerMinute = rateLimit;
  if (v.async !== undefined) {
    const modes = { size: 'bySize', always: 'always', never: 'never' } as const;
    if (!Object.hasOwn(modes, v.async))
      throw new CliUsageError(`--async must be size, always or never, not ${JSON.stringify(v.async)}`);
    options.asyncAnswers = modes[v.async as keyof typeof modes];
  }
  if (v.gateway) options.gateway = true;
  if (!v.quiet) options.log = (line) => console.log(line);
  return options;
}

export async function main(argv: string[]): Promise<Emulator | undefined> {
  let options: EmulatorOptions | 'help';
  try {
    options = await optionsFromArgs(argv);
  } catch (err) {
    console.error(`adhere-emulator: ${(err as Error).message}\n\n${EMULATOR_USAGE}`);
    process.exitCode = 2;
    return undefined;
  }
  if (options === 'help') {
    console.log(EMULATOR_USAGE);
    return undefined;
  }
  const emulator = await startEmulator(options);
  console.log(`Genesys Cloud emulator: ${options.agents} agents, seed ${options.seed}, speed ×${options.speed}`);
  console.log(
    `  login origin  ${emulator.loginUrl}   (OAuth: /oauth/authorize, /oauth/token; rejections: /__emulator/events)`,
  );
  console.log(`  API origin    ${emulator.apiUrl}   (REST /api/v2/…, WebSocket /channels/{id})`);
  if (emulator.gatewayUrl)
    console.log(
      `  gateway       ${emulator.gatewayUrl}   (login and API paths on one origin, for the SDK's setGateway)`,
    );
  console.log(`  client id     adhere-local, redirect URI http://localhost:3000/callback (public, PKCE)`);
  console.log(`  sign in as    ${emulator.centre.topology.supervisor.email} / ${SUPERVISOR_PASSWORD}`);
  const stop = () => void emulator.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return emulator;
}
