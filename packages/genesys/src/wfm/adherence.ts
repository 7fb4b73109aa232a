import type { GenesysClient } from '../client.js';
import { GenesysClientError } from '../errors.js';
import { request, type CallOptions } from '../http.js';
import { entitiesOrDownload } from './inline-or-download.js';
import type { UserScheduleAdherence, UserScheduleAdherenceListing } from './models.js';
import { apiPath } from '../api-path.js';

const WFM = '/api/v2/workforcemanagement';
// GET /workforcemanagement/adherence takes 1–100 userIds per request.
const USERS_PER_REQUEST = 100;

/** Real-time adherence of any number of users, in requests of 100. */
export async function getUserAdherence(
  client: GenesysClient,
  userIds: string[],
  opts: CallOptions = {},
): Promise<UserScheduleAdherence[]> {
  if (userIds.length === 0) return [];
  const out: UserScheduleAdherence[] = [];
  for (let i = 0; i < userIds.length; i += USERS_PER_REQUEST) {
    const batch = await request<UserScheduleAdherence[]>(client, {
      path: `${WFM}/adherence`,
      query: { userId: userIds.slice(i, i + USERS_PER_REQUEST) },
      ...opts,
    });
    if (!Array.isArray(batch))
      throw new GenesysClientError('invalid_response', 'GET /workforcemanagement/adherence did not return an array');
    out.push(...batch);
  }
  return out;
}

/** Real-time adherence of a management unit; a result too large for one response is fetched from its downloadUrl. */
export async function getManagementUnitAdherence(
  client: GenesysClient,
  managementUnitId: string,
  opts: CallOptions = {},
): Promise<UserScheduleAdherence[]> {
  return entitiesOrDownload(
    client,
    await request<UserScheduleAdherenceListing>(client, {
      path: apiPath`/api/v2/workforcemanagement/managementunits/${managementUnitId}/adherence`,
      ...opts,
    }),
    opts,
  );
}

export async function getTeamAdherence(
  client: GenesysClient,
  teamId: string,
  opts: CallOptions = {},
): Promise<UserScheduleAdherence[]> {
  return entitiesOrDownload(
    client,
    await request<UserScheduleAdherenceListing>(client, {
      path: apiPath`/api/v2/workforcemanagement/teams/${teamId}/adherence`,
      ...opts,
    }),
    opts,
  );
}
