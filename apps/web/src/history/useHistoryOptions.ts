/** @module What the history form offers: units (with zone, target, threshold), their teams, agents and activity codes. */
import { useEffect, useState } from 'react';
import {
  getManagementUnitAdherence,
  getUsersByIds,
  listManagementUnitUsers,
  type GenesysClient,
  type ManagementUnit,
} from '@adhere/genesys';
import { problemWords } from '../access/denied.js';
import { t } from '../i18n/i18n.js';
import { distinguishing, withDistinction } from '../same-names.js';
import { activityCodesQuery, featureUnitsQuery, readOrg, teamsQuery, unitQuery } from '../org-data/org-queries.js';

export interface UnitDetails {
  unit: ManagementUnit;
  businessUnitId: string;
  timeZone: string;
  targetPercent: number;
  thresholdSeconds: number;
  /** Teams that have agents in this unit, as its own adherence records say (team.id), by name. */
  teams: Array<{ id: string; name: string }>;
  /** Each agent's team, from the same records. */
  teamOf: Map<string, string>;
  /** The unit's agents, sorted by name. */
  members: Array<{ id: string; name: string }>;
  names: Map<string, string>;
  /** Activity codes by id: the name people know them by, and the category for colour. */
  codes: Map<string, { name: string; category: string }>;
  /** What the form leaves out for want of a permission or scope, one sentence each (empty with every one). */
  missing: string[];
}

export interface HistoryOptions {
  mus: ManagementUnit[];
  /** The chosen management unit, or the first one until the user picks. */
  muId: string;
  details: UnitDetails | undefined;
  error: string | undefined;
}

export function useHistoryOptions(client: GenesysClient, chosenMu: string): HistoryOptions {
  const [mus, setMus] = useState<ManagementUnit[]>([]);
  const [details, setDetails] = useState<UnitDetails>();
  const [error, setError] = useState<string>();
  const muId = chosenMu || mus[0]?.id || '';

  useEffect(() => {
    const ac = new AbortController();
    (async () => {
      // The units of the business units the user may report on (feature=HistoricalAdherence).
      setMus(await readOrg(client, featureUnitsQuery(client, 'HistoricalAdherence'), ac.signal));
    })().catch((e: Error) => {
      if (!ac.signal.aborted) setError(problemWords(e));
    });
    return () => ac.abort();
  }, [client]);

  useEffect(() => {
    if (!muId) return;
    const ac = new AbortController();
    const signal = ac.signal;
    setDetails(undefined);
    (async () => {
      // Independent requests start together. The unit and its agents are what a report needs (a historical
      // role can read them); agents' teams come from the unit's live records and the org's work teams, which
      // other permissions guard: without them the report runs, and the form says what it leaves out and why.
      const missing: string[] = [];
      const optional = <T>(what: string, p: Promise<T>, fallback: T): Promise<T> =>
        p.catch((e: unknown) => {
          if (signal.aborted) throw e;
          missing.push(`${what}: ${problemWords(e)}`);
          return fallback;
        });
      const [unit, users, records, teams] = await Promise.all([
        readOrg(client, unitQuery(client, muId), signal),
        listManagementUnitUsers(client, muId, { signal }),
        optional(t('hist.missing.teams'), getManagementUnitAdherence(client, muId, { signal }), []),
        optional(t('hist.missing.teamNames'), readOrg(client, teamsQuery(client), signal), []),
      ]);
      const businessUnitId = unit.businessUnit?.id ?? mus.find((m) => m.id === muId)?.businessUnit?.id ?? '';
      const [people, codes] = await Promise.all([
        getUsersByIds(
          client,
          users.map((u) => u.id),
          { signal },
        ),
        businessUnitId
          ? optional(t('hist.missing.codes'), readOrg(client, activityCodesQuery(client, businessUnitId), signal), [])
          : Promise.resolve([]),
      ]);
      const teamOf = new Map<string, string>();
      for (const r of records) if (r.team?.id && r.user?.id) teamOf.set(r.user.id, r.team.id);
      const teamName = new Map(teams.map((t) => [t.id, t.name]));
      // Namesakes told apart everywhere the report names people (picker, tables, exceptions, exports): by team
      // where that differs, else by email (issue 22, item 5).
      const distinct = distinguishing(
        people.map((u) => ({
          id: u.id,
          name: u.name ?? u.id,
          team: teamName.get(teamOf.get(u.id) ?? ''),
          email: u.email,
        })),
      );
      const names = new Map(people.map((u) => [u.id, withDistinction(u.name ?? u.id, distinct.get(u.id))]));
      setDetails({
        unit,
        businessUnitId,
        timeZone: unit.timeZone ?? 'UTC',
        targetPercent: unit.settings?.adherence?.adherenceTargetPercent ?? 90,
        thresholdSeconds: unit.settings?.adherence?.adherenceExceptionThresholdSeconds ?? 0,
        teams: [...new Set(teamOf.values())]
          .map((id) => ({ id, name: teamName.get(id) ?? t('hist.unnamedTeam', { id: id.slice(0, 8) }) }))
          .sort((a, b) => a.name.localeCompare(b.name)),
        teamOf,
        members: [...names].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
        names,
        codes: new Map(codes.map((c) => [c.id, { name: c.name ?? c.id, category: c.category ?? 'Unavailable' }])),
        missing,
      });
    })().catch((e: Error) => {
      if (!signal.aborted) setError(problemWords(e));
    });
    return () => ac.abort();
  }, [client, muId, mus]);

  return { mus, muId, details, error };
}
