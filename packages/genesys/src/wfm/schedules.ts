/** @module Published agent schedules of a management unit (BuAgentScheduleShift, BuAgentScheduleActivity). */
import type { GenesysClient } from '../client.js';
import { request, type CallOptions } from '../http.js';
import { inlineOrDownload } from './inline-or-download.js';
import { apiPath } from '../api-path.js';

export interface AgentScheduleActivity {
  startDate: string;
  lengthMinutes: number;
  description: string;
  activityCodeId: string;
  paid?: boolean;
}

export interface AgentScheduleShift {
  id?: string;
  startDate?: string;
  lengthMinutes?: number;
  activities?: AgentScheduleActivity[];
}

export interface AgentSchedule {
  user?: { id: string };
  shifts?: AgentScheduleShift[];
}

interface SearchResponse {
  status?: string;
  result?: { agentSchedules?: AgentSchedule[]; businessUnitTimeZone?: string };
  downloadUrl?: string;
}

/**
 * The shifts that start in [startDate, endDate) for some agents of a management unit
 * (POST …/managementunits/{id}/agentschedules/search). A large answer comes as a downloadUrl; an answer
 * Genesys defers to a notification is refused with a clear error (ask for fewer agents or days).
 */
export async function searchAgentSchedules(
  client: GenesysClient,
  managementUnitId: string,
  query: { startDate: string; endDate: string; userIds?: string[] },
  opts: CallOptions = {},
): Promise<AgentSchedule[]> {
  const res = await request<SearchResponse>(client, {
    method: 'POST',
    path: apiPath`/api/v2/workforcemanagement/managementunits/${managementUnitId}/agentschedules/search`,
    body: query,
    ...opts,
  });
  const found = await inlineOrDownload(
    client,
    res,
    `the schedule search answered ${res.status ?? 'without a result'}`,
    opts,
  );
  return found?.agentSchedules ?? [];
}
