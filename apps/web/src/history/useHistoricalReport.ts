/** @module Running one historical report: the query with progress and cancel, then the agents' names. */
import { useState } from 'react';
import {
  getUsersByIds,
  historicalAdherence,
  isGenesysError,
  listTeamMembers,
  type GenesysClient,
  type HistoricalProgress,
  type HistoricalUserResult,
} from '@adhere/genesys';

const DAY = 86_400_000;

export interface ReportRequest {
  mu: string;
  team: string;
  /** Chosen agents; they take the place of the team. */
  agents: string[];
  from: string;
  to: string;
  timeZone: string;
  exceptions: boolean;
}

export function useHistoricalReport(client: GenesysClient) {
  const [progress, setProgress] = useState<HistoricalProgress>();
  const [results, setResults] = useState<HistoricalUserResult[]>();
  const [names, setNames] = useState(new Map<string, string>());
  const [error, setError] = useState<string>();
  const [running, setRunning] = useState<AbortController>();

  const run = async (req: ReportRequest) => {
    const start = new Date(`${req.from}T00:00:00Z`);
    const end = new Date(new Date(`${req.to}T00:00:00Z`).getTime() + DAY);
    if (!(end > start)) return setError('The end date must be on or after the start date.');
    if (req.exceptions && end.getTime() - start.getTime() > 7 * DAY)
      return setError('With exceptions, Genesys allows at most 7 days; shorten the range or untick exceptions.');
    if (end.getTime() - start.getTime() > 31 * DAY) return setError('Genesys allows at most 31 days per query.');
    const ac = new AbortController();
    setRunning(ac);
    setError(undefined);
    setResults(undefined);
    try {
      const userIds = req.agents.length
        ? req.agents
        : req.team
          ? (await listTeamMembers(client, req.team, { signal: ac.signal })).map((m) => m.id)
          : undefined;
      const r = await historicalAdherence(client, {
        managementUnitId: req.mu,
        startDate: start.toISOString(),
        endDate: end.toISOString(),
        timeZone: req.timeZone,
        ...(userIds ? { userIds } : {}),
        includeExceptions: req.exceptions,
        includeActuals: req.exceptions,
        signal: ac.signal,
        onProgress: setProgress,
        pollIntervalMs: 500,
      });
      const users = await getUsersByIds(
        client,
        r.map((u) => u.userId),
        { signal: ac.signal },
      );
      setNames(new Map(users.map((u) => [u.id, u.name ?? u.id])));
      setResults(r.sort((a, b) => a.adherencePercentage - b.adherencePercentage));
    } catch (err) {
      setError(isGenesysError(err) && err.code === 'aborted' ? 'Cancelled.' : (err as Error).message);
    } finally {
      setRunning(undefined);
    }
  };

  return { run, cancel: () => running?.abort(), running: running !== undefined, progress, results, names, error };
}
