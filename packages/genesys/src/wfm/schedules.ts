/** @module Published agent schedules of a management unit (BuAgentScheduleShift, BuAgentScheduleActivity). */
import type { GenesysClient } from '../client.js';
import { request, type CallOptions } from '../http.js';
import { inlineOrDownload } from './inline-or-download.js';
import { apiPath } from '../api-path.js';
import { GenesysClientError } from '../errors.js';
import type { NotificationHub } from '../notifications/hub.js';
import { scheduleSearchTopic } from '../notifications/topics.js';
import { awaitJob, jobEar } from './await-job.js';

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
  operationId?: string;
  result?: { agentSchedules?: AgentSchedule[]; businessUnitTimeZone?: string };
  downloadUrl?: string;
}

/**
 * The shifts that start in [startDate, endDate) for some agents of a management unit
 * (POST …/managementunits/{id}/agentschedules/search). A large answer comes as a downloadUrl; one Genesys gives
 * later (`status: Processing`) comes only on the user's schedule-search topic, heard on the tab's hub.
 */
export async function searchAgentSchedules(
  client: GenesysClient,
  managementUnitId: string,
  query: { startDate: string; endDate: string; userIds?: string[] },
  opts: CallOptions & { notifications?: NotificationHub } = {},
): Promise<AgentSchedule[]> {
  const { notifications, ...callOpts } = opts;
  // Heard before asking: the result may be sent the moment the search is answered.
  const ear = await jobEar(notifications, scheduleSearchTopic, callOpts.signal);
  const res = await request<SearchResponse>(client, {
    method: 'POST',
    path: apiPath`/api/v2/workforcemanagement/managementunits/${managementUnitId}/agentschedules/search`,
    body: query,
    ...callOpts,
  });
  const operationId = res?.operationId;
  let answer: SearchResponse = res ?? {};
  if (res?.status === 'Processing' && !res.result && !res.downloadUrl && typeof operationId === 'string') {
    const downloadUrl = await awaitJob(
      client,
      {
        what: 'the schedule search',
        heard: (e) => {
          if (e.kind !== 'scheduleSearch' || e.body.operationId !== operationId) return undefined;
          if (typeof e.body.downloadUrl !== 'string')
            throw new GenesysClientError('invalid_response', 'the schedule search result came without a downloadUrl');
          return e.body.downloadUrl;
        },
      },
      { signal: callOpts.signal, ear },
    );
    answer = { downloadUrl };
  }
  const found = await inlineOrDownload(
    client,
    answer,
    `the schedule search answered ${res?.status ?? 'without a result'}`,
    callOpts,
  );
  return found?.agentSchedules ?? [];
}

/** The signed-in agent's own published shifts in [startDate, endDate) (POST …/agentschedules/mine). */
export async function getMySchedule(
  client: GenesysClient,
  query: { startDate: string; endDate: string },
  opts: CallOptions = {},
): Promise<{ schedule: AgentSchedule | undefined; businessUnitTimeZone: string | undefined }> {
  const res = await request<{ agentSchedules?: AgentSchedule[]; businessUnitTimeZone?: string }>(client, {
    method: 'POST',
    path: '/api/v2/workforcemanagement/agentschedules/mine',
    body: query,
    ...opts,
  });
  return { schedule: res?.agentSchedules?.[0], businessUnitTimeZone: res?.businessUnitTimeZone };
}

/** The signed-in agent's management unit and business unit (GET …/agents/me/managementunit). */
export async function getMyManagementUnit(
  client: GenesysClient,
  opts: CallOptions = {},
): Promise<{ managementUnitId: string; businessUnitId: string | undefined }> {
  const res = await request<{ managementUnit?: { id?: string }; businessUnit?: { id?: string } }>(client, {
    path: '/api/v2/workforcemanagement/agents/me/managementunit',
    ...opts,
  });
  if (typeof res?.managementUnit?.id !== 'string')
    throw new GenesysClientError('invalid_response', 'Genesys named no management unit for the signed-in agent');
  return { managementUnitId: res.managementUnit.id, businessUnitId: res.businessUnit?.id };
}
