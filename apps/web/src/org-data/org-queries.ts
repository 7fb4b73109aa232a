/**
 * @module What the views read from the org, each under one key in the tab's cache: the same unit's settings asked
 * for by the board, the wallboard and History are one request.
 */
import {
  getManagementUnit,
  listActivityCodes,
  listBusinessUnits,
  listManagementUnits,
  listPresenceDefinitions,
  listTeams,
  type BusinessUnitActivityCode,
  type BusinessUnitListItem,
  type GenesysClient,
  type ManagementUnit,
  type PresenceDefinition,
  type RequestPriority,
  type Team,
} from '@adhere/genesys';
import { orgCacheFor } from './org-cache.js';

export interface OrgQuery<T> {
  key: string;
  load: (signal: AbortSignal) => Promise<T>;
}

/**
 * Business units the user may use `feature` in (Genesys's feature= filter). Lists go at the browser's low
 * priority, behind the requests that fill a view, unless a caller is waiting on one to ask for more (`high`: the
 * board's preload, whose snapshot follows the list).
 */
export const businessUnitsQuery = (
  client: GenesysClient,
  feature: string,
  priority: RequestPriority = 'low',
): OrgQuery<BusinessUnitListItem[]> => ({
  key: `businessUnits:${feature}`,
  load: (signal) => listBusinessUnits(client, { signal, priority, feature }),
});

export const managementUnitsQuery = (
  client: GenesysClient,
  businessUnitId: string,
  priority: RequestPriority = 'low',
): OrgQuery<ManagementUnit[]> => ({
  key: `managementUnits:${businessUnitId}`,
  load: (signal) => listManagementUnits(client, businessUnitId, { signal, priority }),
});

/** Every management unit of the business units the user may use `feature` in, each listing read and kept. */
export const featureUnitsQuery = (client: GenesysClient, feature: string): OrgQuery<ManagementUnit[]> => ({
  key: `featureUnits:${feature}`,
  load: async (signal) => {
    const bus = await readOrg(client, businessUnitsQuery(client, feature), signal);
    return (await Promise.all(bus.map((b) => readOrg(client, managementUnitsQuery(client, b.id), signal)))).flat();
  },
});

/** One unit with its adherence settings and time zone. */
export const unitQuery = (client: GenesysClient, managementUnitId: string): OrgQuery<ManagementUnit> => ({
  key: `unit:${managementUnitId}`,
  load: (signal) => getManagementUnit(client, managementUnitId, { signal }),
});

/** Several units, each read (and kept) under its own key. */
export const unitsQuery = (client: GenesysClient, managementUnitIds: string[]): OrgQuery<ManagementUnit[]> => ({
  key: `units:${managementUnitIds.join(',')}`,
  load: (signal) => {
    const cache = orgCacheFor(client);
    return Promise.all(
      managementUnitIds.map((id) => {
        const q = unitQuery(client, id);
        return cache.fetch(q.key, q.load, signal);
      }),
    );
  },
});

export const activityCodesQuery = (
  client: GenesysClient,
  businessUnitId: string,
): OrgQuery<BusinessUnitActivityCode[]> => ({
  key: `activityCodes:${businessUnitId}`,
  load: (signal) => listActivityCodes(client, businessUnitId, { signal, priority: 'low' }),
});

export const presencesQuery = (client: GenesysClient): OrgQuery<PresenceDefinition[]> => ({
  key: 'presences',
  load: (signal) => listPresenceDefinitions(client, { signal, priority: 'low' }),
});

export const teamsQuery = (client: GenesysClient): OrgQuery<Team[]> => ({
  key: 'teams',
  load: (signal) => listTeams(client, { signal }),
});

/** A query's data through the cache, for code that composes several (History's unit details). */
export function readOrg<T>(client: GenesysClient, query: OrgQuery<T>, signal?: AbortSignal): Promise<T> {
  return orgCacheFor(client).fetch(query.key, query.load, signal);
}
