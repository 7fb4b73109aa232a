/**
 * @module `/__emulator` on the login origin: the rejection log, and run-time fault switches for tests and demos.
 * The switches change what every client sees, so they take JSON only (a cross-site form cannot send it
 * without a CORS preflight) and refuse requests a browser marks as coming from another site.
 */
import { Hono, type Context } from 'hono';
import type { EmulatorContext } from './context.js';
import { isEmulatorError } from './errors.js';
import { checkFaultOptions } from './faults.js';
import { UUID } from './api/ids.js';

const SWITCHES = new Set(['dropSockets', 'expireChannelsInMs', 'socketClosing', 'silent', 'massDeviation']);

export function controlRoutes(ctx: EmulatorContext): Hono {
  const app = new Hono();
  app.get('/__emulator/events', (c) => c.json({ entities: ctx.rejections.list() }));
  app.delete('/__emulator/events', (c) => {
    const refused = crossSite(ctx, c);
    if (refused) return refused;
    ctx.rejections.clear();
    return c.body(null, 204);
  });
  app.post('/__emulator/faults', async (c) => {
    const refused = crossSite(ctx, c);
    if (refused) return refused;
    const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/json') return c.json({ error: 'Content-Type must be application/json' }, 415);
    const body: unknown = await c.req.json().catch(() => undefined);
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      return c.json({ error: 'the body must be a JSON object' }, 400);
    const input = body as Record<string, unknown>;
    const faults: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(input)) if (!SWITCHES.has(k)) faults[k] = v;
    try {
      const checked = checkFaultOptions(faults);
      const bad = switchProblem(input, new Set(ctx.centre.topology.managementUnits.map((m) => m.id)));
      if (bad) return c.json({ error: bad }, 400);
      ctx.faults.set(checked);
    } catch (err) {
      if (isEmulatorError(err)) return c.json({ error: err.message }, 400);
      throw err;
    }
    if (input.dropSockets === true) ctx.hub.dropAllSockets();
    if (typeof input.expireChannelsInMs === 'number') ctx.hub.expireSoon(input.expireChannelsInMs);
    if (input.socketClosing === true) for (const ch of ctx.hub.allChannels()) ctx.hub.announceClosing(ch);
    if (typeof input.silent === 'boolean') ctx.hub.silent = input.silent;
    let outage: number | undefined;
    const mass = input.massDeviation as { managementUnitId?: string; share?: number; minutes?: number } | undefined;
    if (mass) {
      const mu = mass.managementUnitId ?? ctx.centre.topology.managementUnits[0]!.id;
      // One mass deviation per unit at a time: a call's work is bounded by one unit's agents (≤ 1,500), and
      // twenty calls in a row cannot pile outages onto the simulation.
      const running = ctx.centre.outageUntil(mu);
      if (running !== undefined)
        return c.json(
          { error: `a mass deviation is already running in that unit until ${new Date(running).toISOString()}` },
          409,
        );
      outage = ctx.centre.forceOutage(mu, mass.share ?? 0.5, (mass.minutes ?? 10) * 60_000);
    }
    return c.json({
      faults: ctx.faults.options,
      injected: ctx.faults.injected,
      silent: ctx.hub.silent,
      ...(outage === undefined ? {} : { signedOut: outage }),
    });
  });
  return app;
}

function switchProblem(input: Record<string, unknown>, units: ReadonlySet<string>): string | undefined {
  for (const key of ['dropSockets', 'socketClosing', 'silent']) {
    if (key in input && typeof input[key] !== 'boolean') return `${key} must be true or false`;
  }
  const mass = input.massDeviation;
  if (mass !== undefined) {
    if (typeof mass !== 'object' || mass === null || Array.isArray(mass)) return 'massDeviation must be an object';
    const m = mass as Record<string, unknown>;
    for (const k of Object.keys(m))
      if (!['managementUnitId', 'share', 'minutes'].includes(k))
        return `massDeviation has no option ${JSON.stringify(k).slice(0, 40)}`;
    if (m.managementUnitId !== undefined && (typeof m.managementUnitId !== 'string' || !UUID.test(m.managementUnitId)))
      return 'massDeviation.managementUnitId must be a management unit id';
    if (m.managementUnitId !== undefined && !units.has(m.managementUnitId as string))
      return `massDeviation.managementUnitId names no management unit of this emulator: ${m.managementUnitId as string}`;
    if (m.share !== undefined && (typeof m.share !== 'number' || !(m.share > 0 && m.share <= 1)))
      return 'massDeviation.share must be a number above 0, at most 1';
    if (m.minutes !== undefined && (typeof m.minutes !== 'number' || !(m.minutes > 0 && m.minutes <= 1440)))
      return 'massDeviation.minutes must be a number above 0, at most 1440';
  }
  const ms = input.expireChannelsInMs;
  if (ms !== undefined && (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0 || ms > 86_400_000))
    return 'expireChannelsInMs must be a number from 0 to 86400000';
  return undefined;
}

/** 403 for a browser request from another site (Fetch Metadata, else Origin); tools that send neither pass. */
function crossSite(ctx: EmulatorContext, c: Context): Response | undefined {
  const site = c.req.header('sec-fetch-site');
  const origin = c.req.header('origin');
  const sameOrigin = origin === undefined || origin === ctx.urls.login;
  if ((site !== undefined && site !== 'same-origin' && site !== 'none') || !sameOrigin) {
    return c.json(
      { error: 'control requests are accepted from the emulator itself or from tools, not from other sites' },
      403,
    );
  }
  return undefined;
}
