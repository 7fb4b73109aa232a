/** @module Coaching appointments booked in the emulated org (shared/context/genesys-next.md §5). */
import { randomUUID } from 'node:crypto';

export interface CoachingAppointment {
  id: string;
  name: string;
  description: string;
  /** Epoch ms, rounded down to the minute ("Times will be rounded down to the minute"). */
  start: number;
  lengthInMinutes: number;
  attendeeIds: string[];
  facilitatorId: string | undefined;
  createdById: string;
  createdAt: number;
}

export class CoachingAppointments {
  private readonly all: CoachingAppointment[] = [];

  /** The appointment of any of `attendeeIds` that overlaps [start, start + minutes), if one does. */
  clash(attendeeIds: readonly string[], start: number, minutes: number): CoachingAppointment | undefined {
    const end = start + minutes * 60_000;
    return this.all.find(
      (a) =>
        a.attendeeIds.some((id) => attendeeIds.includes(id)) &&
        a.start < end &&
        start < a.start + a.lengthInMinutes * 60_000,
    );
  }

  add(a: Omit<CoachingAppointment, 'id'>): CoachingAppointment {
    const appointment = { ...a, id: randomUUID() };
    this.all.push(appointment);
    return appointment;
  }

  /** Appointments of any of these users starting in [from, to), earliest first. */
  of(userIds: readonly string[], from = -Infinity, to = Infinity): CoachingAppointment[] {
    return this.all
      .filter((a) => a.attendeeIds.some((id) => userIds.includes(id)) && a.start >= from && a.start < to)
      .sort((x, y) => x.start - y.start);
  }
}
