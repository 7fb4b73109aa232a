/** @module Published agent schedules of a management unit (BuAgentScheduleShift, BuAgentScheduleActivity). */
import type { GenesysClient } from '../client.js';
import { download } from '../download.js';
import { GenesysClientError } from '../errors.js';
import { request, type CallOptions } from '../http.js';

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
    path: `/api/v2/workforcemanagement/managementunits/${encodeURIComponent(managementUnitId)}/agentschedules/search`,
    body: query,
    ...opts,
  });
  if (res.result) return res.result.agentSchedules ?? [];
  if (res.downloadUrl) {
    const file = (await (await download(client, res.downloadUrl, opts)).json()) as SearchResponse['result'];
    return file?.agentSchedules ?? [];
  }
  throw new GenesysClientError(
    'invalid_response',
    `the schedule search answered ${res.status ?? 'without a result'}; ask for fewer agents or a shorter range`,
  );
}
