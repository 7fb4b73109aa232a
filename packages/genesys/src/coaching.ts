/**
 * @module Coaching appointments (the official SDK's CoachingApi; shared/context/genesys-next.md §5): booking one
 * for an agent, and the ones booked. Field names as Genesys's models (CreateCoachingAppointmentRequest,
 * CoachingAppointmentResponse). Booking needs the `coaching` scope and `coaching:appointment:add`.
 */
import type { GenesysClient } from './client.js';
import { request, type CallOptions } from './http.js';

export interface CreateCoachingAppointmentRequest {
  name: string;
  description: string;
  /** ISO-8601; Genesys rounds it down to the minute. */
  dateStart: string;
  lengthInMinutes: number;
  attendeeIds: string[];
  facilitatorId?: string;
  /** Adds the appointment to the attendees' WFM schedules. */
  addToSchedule?: boolean;
}

export interface CoachingAppointment {
  id: string;
  name: string;
  description?: string;
  dateStart: string;
  lengthInMinutes: number;
  status?: 'Scheduled' | 'InProgress' | 'Completed' | 'InvalidSchedule';
  attendees?: Array<{ id: string }>;
  facilitator?: { id: string };
  createdBy?: { id: string };
}

/** Books an appointment (201 with it; Genesys may also answer 202 with only a reference: then only `id`). */
export async function createCoachingAppointment(
  client: GenesysClient,
  body: CreateCoachingAppointmentRequest,
  opts: CallOptions = {},
): Promise<Partial<CoachingAppointment> & { id: string }> {
  return request(client, { method: 'POST', path: '/api/v2/coaching/appointments', body, ...opts });
}

/** The appointments of these users (at most 100 a call, Genesys's page of them). */
export async function coachingAppointmentsOf(
  client: GenesysClient,
  userIds: readonly string[],
  opts: CallOptions = {},
): Promise<CoachingAppointment[]> {
  const res = await request<{ entities?: CoachingAppointment[] }>(client, {
    path: '/api/v2/coaching/appointments',
    query: { userIds: userIds.slice(0, 100).join(',') },
    ...opts,
  });
  return res?.entities ?? [];
}
