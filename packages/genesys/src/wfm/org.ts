import type { GenesysClient } from '../client.js';
import { request, type CallOptions } from '../http.js';
import { allEntities } from '../paging.js';
import type { BusinessUnitActivityCode, BusinessUnitListItem, EntityRef, ManagementUnit, Team } from './models.js';
import { apiPath } from '../api-path.js';

const WFM = '/api/v2/workforcemanagement';

export async function listBusinessUnits(
  client: GenesysClient,
  opts: CallOptions & { feature?: string } = {},
): Promise<BusinessUnitListItem[]> {
  return (
    (
      await request<{ entities?: BusinessUnitListItem[] }>(client, {
        path: `${WFM}/businessunits`,
        query: { feature: opts.feature },
        ...opts,
      })
    ).entities ?? []
  );
}

export async function listManagementUnits(
  client: GenesysClient,
  businessUnitId: string,
  opts: CallOptions = {},
): Promise<ManagementUnit[]> {
  return (
    (
      await request<{ entities?: ManagementUnit[] }>(client, {
        path: apiPath`/api/v2/workforcemanagement/businessunits/${businessUnitId}/managementunits`,
        ...opts,
      })
    ).entities ?? []
  );
}

/** A management unit with its adherence settings (thresholds and target). */
export async function getManagementUnit(
  client: GenesysClient,
  managementUnitId: string,
  opts: CallOptions = {},
): Promise<ManagementUnit> {
  return request(client, {
    path: apiPath`/api/v2/workforcemanagement/managementunits/${managementUnitId}`,
    query: { expand: 'settings.adherence' },
    ...opts,
  });
}

/** The agents of a management unit (ids only, as Genesys returns them). */
export async function listManagementUnitUsers(
  client: GenesysClient,
  managementUnitId: string,
  opts: CallOptions = {},
): Promise<EntityRef[]> {
  return (
    (
      await request<{ entities?: EntityRef[] }>(client, {
        path: apiPath`/api/v2/workforcemanagement/managementunits/${managementUnitId}/users`,
        ...opts,
      })
    ).entities ?? []
  );
}

export async function listActivityCodes(
  client: GenesysClient,
  businessUnitId: string,
  opts: CallOptions = {},
): Promise<BusinessUnitActivityCode[]> {
  return (
    (
      await request<{ entities?: BusinessUnitActivityCode[] }>(client, {
        path: apiPath`/api/v2/workforcemanagement/businessunits/${businessUnitId}/activitycodes`,
        ...opts,
      })
    ).entities ?? []
  );
}

/** Every work team (cursor paging followed to the end). */
export async function listTeams(client: GenesysClient, opts: CallOptions & { name?: string } = {}): Promise<Team[]> {
  const teams: Team[] = [];
  for await (const t of allEntities<Team>(client, '/api/v2/teams', { name: opts.name }, opts)) teams.push(t);
  return teams;
}

export async function listTeamMembers(
  client: GenesysClient,
  teamId: string,
  opts: CallOptions = {},
): Promise<Array<EntityRef & { name?: string }>> {
  const members: Array<EntityRef & { name?: string }> = [];
  for await (const m of allEntities<EntityRef & { name?: string }>(
    client,
    apiPath`/api/v2/teams/${teamId}/members`,
    {},
    opts,
  ))
    members.push(m);
  return members;
}
