/** @module Published agent schedules: POST …/managementunits/{muId}/agentschedules/search (BuAsyncAgentSchedulesSearchResponse). */
import { Hono } from 'hono';
import type { EmulatorContext } from '../context.js';
import { ACTIVITY_CODES } from '../simulation/categories.js';
import { hash32, seededUuid } from '../simulation/random.js';
import { shiftFor } from '../simulation/shift.js';
import { localDayNumber } from '../simulation/time-zone.js';
import { requirePermission, requireScope, type ApiEnv } from './auth.js';
import { badRequest, managementUnitNotFound } from './error-body.js';
import { readJsonObject } from './request-body.js';
import type { ExplanationJobs } from './explanation-jobs.js';
import { parseIsoDate, readUserIds } from './query-fields.js';
import type { Agent } from '../simulation/topology.js';

const DAY = 86_400_000;
const MINUTE = 60_000;
/** Longest search range the emulator answers at once (our choice; Genesys documents none for this route). */
const MAX_RANGE_DAYS = 62;
const SHIFT_ID_KIND = 41;

export function scheduleRoutes(ctx: EmulatorContext, jobs: ExplanationJobs) {
  const app = new Hono<ApiEnv>();
  const topo = ctx.centre.topology;

  app.post('/api/v2/workforcemanagement/managementunits/:muId/agentschedules/search', async (c) => {
    requireScope(c, ['workforce-management', 'workforce-management:readonly']);
    const me = requirePermission(c, ['wfm:schedule:view', 'wfm:publishedSchedule:view']);
    const mu = topo.managementUnits.find((m) => m.id === c.req.param('muId'));
    if (!mu) throw managementUnitNotFound();
    const body = await readJsonObject(c);
    const from = parseIsoDate(body.startDate, 'startDate');
    const to = parseIsoDate(body.endDate, 'endDate');
    if (to <= from) throw badRequest('wfm.validation.failure', 'endDate must be after startDate');
    if (to - from > MAX_RANGE_DAYS * DAY)
      throw badRequest('wfm.validation.failure', `The search range may be at most ${MAX_RANGE_DAYS} days`);
    const userIds = readUserIds(body.userIds);
    const bu = topo.businessUnits.find((b) => b.id === mu.businessUnitId)!;
    const agents = topo.agents.filter((a) => a.managementUnitId === mu.id && (!userIds || userIds.has(a.id)));
    const agentSchedules = agents.map((agent) => agentScheduleOf(ctx, agent, from, to));
    const result = { agentSchedules, businessUnitTimeZone: bu.timeZone, publishedSchedules: [] };
    if (jobs.answersLater(c, agentSchedules.length))
      return c.json(jobs.scheduleSearchLater(me.id, bu.id, () => result));
    return c.json({ status: 'Complete', operationId: crypto.randomUUID(), result });
  });
  return app;
}

/** An agent's published shifts that start in [from, to), as BuAgentScheduleSearchResponse lists them. */
export function agentScheduleOf(ctx: EmulatorContext, agent: Agent, from: number, to: number) {
  const topo = ctx.centre.topology;
  const shifts = [];
  for (let day = localDayNumber(agent.timeZone, from) - 1; day <= localDayNumber(agent.timeZone, to); day++) {
    const shift = shiftFor(topo.seed, agent, day);
    const first = shift?.scheduled[0];
    const last = shift?.scheduled[shift.scheduled.length - 1];
    // A shift belongs to the search when it starts inside the range (as Genesys lists shifts by start).
    if (!shift || !first || !last || first.start < from || first.start >= to) continue;
    shifts.push({
      id: seededUuid(topo.seed, SHIFT_ID_KIND, hash32(agent.index, day)),
      startDate: new Date(first.start).toISOString(),
      lengthMinutes: Math.round((last.end - first.start) / MINUTE),
      activities: shift.scheduled.map((s) => ({
        startDate: new Date(s.start).toISOString(),
        lengthMinutes: Math.round((s.end - s.start) / MINUTE),
        description: ACTIVITY_CODES.find((a) => a.id === s.codeId)?.name ?? '',
        activityCodeId: s.codeId,
        paid: s.category !== 'Meal',
      })),
      manuallyEdited: false,
    });
  }
  return { user: { id: agent.id, selfUri: `/api/v2/users/${agent.id}` }, shifts, fullDayTimeOffMarkers: [] };
}
