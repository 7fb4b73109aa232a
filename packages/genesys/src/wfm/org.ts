import type { GenesysClient } from '../client.js';
import { request, type CallOptions } from '../http.js';
import { entitiesOrDownload } from './inline-or-download.js';
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

/** The units of a business unit, each with its time zone (see `withTimeZones`). */
export async function listManagementUnits(
  client: GenesysClient,
  businessUnitId: string,
  opts: CallOptions = {},
): Promise<ManagementUnit[]> {
  const units =
    (
      await request<{ entities?: ManagementUnit[] }>(client, {
        path: apiPath`/api/v2/workforcemanagement/businessunits/${businessUnitId}/managementunits`,
        ...opts,
      })
    ).entities ?? [];
  return withTimeZones(client, units, opts);
}

/** A management unit with its adherence settings (thresholds and target) and its time zone (see `withTimeZones`). */
export async function getManagementUnit(
  client: GenesysClient,
  managementUnitId: string,
  opts: CallOptions = {},
): Promise<ManagementUnit> {
  const unit = await request<ManagementUnit>(client, {
    path: apiPath`/api/v2/workforcemanagement/managementunits/${managementUnitId}`,
    query: { expand: 'settings.adherence' },
    ...opts,
  });
  return (await withTimeZones(client, [unit], opts))[0]!;
}

/**
 * Units whose own `timeZone` is missing get their business unit's (`settings.timeZone`): Genesys documents the
 * unit's field as "Moving to Business Unit", and a unit taken for UTC would start its days at the wrong hour.
 * One request per business unit that needs it; a unit whose zone still cannot be read stays without one (the
 * caller says so rather than assume UTC).
 */
export async function withTimeZones(
  client: GenesysClient,
  units: ManagementUnit[],
  opts: CallOptions = {},
): Promise<ManagementUnit[]> {
  const needed = [...new Set(units.filter((u) => !u.timeZone && u.businessUnit?.id).map((u) => u.businessUnit!.id))];
  if (needed.length === 0) return units;
  const zones = new Map<string, string>();
  await Promise.all(
    needed.map(async (id) => {
      try {
        const bu = await request<{ settings?: { timeZone?: string } }>(client, {
          path: apiPath`/api/v2/workforcemanagement/businessunits/${id}`,
          query: { expand: 'settings.timeZone' },
          ...opts,
        });
        if (typeof bu.settings?.timeZone === 'string') zones.set(id, bu.settings.timeZone);
      } catch (e) {
        if (opts.signal?.aborted) throw e;
        // Left without a zone: the caller names the unit whose days it cannot place.
      }
    }),
  );
  return units.map((u) =>
    u.timeZone || !zones.has(u.businessUnit?.id ?? '') ? u : { ...u, timeZone: zones.get(u.businessUnit!.id)! },
  );
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

/** A business unit's activity codes; a listing Genesys sends through its download service is read from there. */
export async function listActivityCodes(
  client: GenesysClient,
  businessUnitId: string,
  opts: CallOptions & { forceDownloadService?: boolean } = {},
): Promise<BusinessUnitActivityCode[]> {
  const { forceDownloadService, ...callOpts } = opts;
  const listing = await request<{ entities?: BusinessUnitActivityCode[]; downloadUrl?: string }>(client, {
    path: apiPath`/api/v2/workforcemanagement/businessunits/${businessUnitId}/activitycodes`,
    query: { forceDownloadService: forceDownloadService || undefined },
    ...callOpts,
  });
  return entitiesOrDownload(client, listing, callOpts);
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
    // Names come only when asked for ("Expand the name on each user").
    { expand: 'entities' },
    opts,
  ))
    members.push(m);
  return members;
}
