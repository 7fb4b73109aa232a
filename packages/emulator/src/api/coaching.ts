/**
 * @module Coaching appointments (shared/context/genesys-next.md §5; the official SDK's CoachingApi):
 * `POST /api/v2/coaching/appointments` (permission `coaching:appointment:add`, scope `coaching`) answers 201 with a
 * CoachingAppointmentResponse; an attendee without `coaching:appointment:participate` is 400
 * `participate.permission.missing`, a clash with another appointment 409 `appointment.conflict`.
 * `GET /api/v2/coaching/appointments?userIds=…` (`coaching:appointment:view`) lists them.
 */
import { Hono } from 'hono';
import type { EmulatorContext } from '../context.js';
import { holdsPermission } from '../directory.js';
import type { CoachingAppointment } from '../simulation/coaching.js';
import { requirePermission, requireScope, type ApiEnv } from './auth.js';
import { ApiProblem, badRequest } from './error-body.js';
import { readJsonObject } from './request-body.js';

/** Longest name and description read (our bound; Genesys documents none). */
const MAX_NAME = 200;
const MAX_DESCRIPTION = 10_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function coachingRoutes(ctx: EmulatorContext) {
  const app = new Hono<ApiEnv>();
  const invalid = (message: string) => badRequest('validation.error', message);

  app.post('/api/v2/coaching/appointments', async (c) => {
    requireScope(c, ['coaching']);
    const me = requirePermission(c, ['coaching:appointment:add']);
    const body = await readJsonObject(c);
    const { name, description, dateStart, lengthInMinutes, attendeeIds, facilitatorId } = body;
    if (typeof name !== 'string' || name.trim() === '' || name.length > MAX_NAME)
      throw invalid(`name is required (1 to ${MAX_NAME} characters)`);
    if (typeof description !== 'string' || description.length > MAX_DESCRIPTION)
      throw invalid(`description is required (at most ${MAX_DESCRIPTION} characters)`);
    const start = typeof dateStart === 'string' ? Date.parse(dateStart) : NaN;
    if (!Number.isFinite(start)) throw invalid('dateStart must be an ISO-8601 date-time');
    if (!Number.isInteger(lengthInMinutes) || (lengthInMinutes as number) < 1 || (lengthInMinutes as number) > 480)
      throw invalid('lengthInMinutes must be a whole number of minutes');
    if (!Array.isArray(attendeeIds) || attendeeIds.length === 0 || attendeeIds.some((id) => typeof id !== 'string'))
      throw invalid('attendeeIds must list at least one user id');
    const ids = attendeeIds as string[];
    const unknown = ids.filter((id) => !UUID.test(id) || !ctx.directory.findById(id));
    if (unknown.length) throw badRequest('no.permission.for.requested.users', 'Some requested users were not found');
    if (ids.some((id) => !holdsPermission(ctx.directory.findById(id), 'coaching:appointment:participate')))
      throw badRequest(
        'participate.permission.missing',
        "Some participants are missing the 'coaching:appointment:participate' permission",
      );
    if (facilitatorId !== undefined && (typeof facilitatorId !== 'string' || !ctx.directory.findById(facilitatorId)))
      throw invalid('facilitatorId is not a user');
    const minute = Math.floor(start / 60_000) * 60_000;
    if (ctx.coaching.clash(ids, minute, lengthInMinutes as number))
      throw new ApiProblem(409, 'appointment.conflict', 'Appointment dates clashes with another');
    const a = ctx.coaching.add({
      name: name.trim(),
      description,
      start: minute,
      lengthInMinutes: lengthInMinutes as number,
      attendeeIds: ids,
      facilitatorId: (facilitatorId as string | undefined) ?? me.id,
      createdById: me.id,
      createdAt: ctx.centre.now(),
    });
    return c.json(appointmentModel(ctx, a), 201);
  });

  app.get('/api/v2/coaching/appointments', (c) => {
    requireScope(c, ['coaching', 'coaching:readonly']);
    requirePermission(c, ['coaching:appointment:view']);
    const userIds = (c.req.query('userIds') ?? '').split(',').filter(Boolean);
    if (userIds.length === 0) throw invalid('userIds is required');
    if (userIds.length > 100) throw invalid('At most 100 userIds');
    const entities = ctx.coaching.of(userIds).map((a) => appointmentModel(ctx, a));
    return c.json({ entities, pageSize: entities.length, pageNumber: 1, total: entities.length, pageCount: 1 });
  });
  return app;
}

/** CoachingAppointmentResponse, with the fields the SDK's model names. */
function appointmentModel(ctx: EmulatorContext, a: CoachingAppointment) {
  const user = (id: string) => ({ id, selfUri: `/api/v2/users/${id}` });
  const now = ctx.centre.now();
  const end = a.start + a.lengthInMinutes * 60_000;
  return {
    id: a.id,
    name: a.name,
    description: a.description,
    dateStart: new Date(a.start).toISOString(),
    lengthInMinutes: a.lengthInMinutes,
    status: now < a.start ? 'Scheduled' : now < end ? 'InProgress' : 'Completed',
    facilitator: a.facilitatorId ? user(a.facilitatorId) : undefined,
    attendees: a.attendeeIds.map(user),
    createdBy: user(a.createdById),
    dateCreated: new Date(a.createdAt).toISOString(),
    modifiedBy: user(a.createdById),
    dateModified: new Date(a.createdAt).toISOString(),
    conversations: [],
    documents: [],
    isOverdue: false,
    selfUri: `/api/v2/coaching/appointments/${a.id}`,
  };
}
