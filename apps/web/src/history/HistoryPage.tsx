import { useEffect, useMemo, useState, type FormEvent } from 'react';
import {
  GenesysClientError,
  getUsersByIds,
  historicalAdherence,
  listBusinessUnits,
  listManagementUnitUsers,
  listManagementUnits,
  listTeamMembers,
  listTeams,
  type GenesysClient,
  type HistoricalProgress,
  type HistoricalUserResult,
  type ManagementUnit,
  type Team,
} from '@adhere/genesys';
import { toCsv } from './csv.js';

const DAY = 86_400_000;
const ZONES = ['Europe/London', 'America/New_York', 'America/Chicago', 'Australia/Sydney', 'Asia/Tokyo', 'UTC'];

/** Historical adherence: a date range in a time zone, per-agent adherence and conformance, a chart over days, a timeline, CSV. */
export function HistoryPage({ client }: { client: GenesysClient }) {
  const [mus, setMus] = useState<ManagementUnit[]>([]);
  const [teams, setTeams] = useState<Team[]>([]);
  const today = new Date().toISOString().slice(0, 10);
  const [form, setForm] = useState({
    mu: '',
    team: '',
    from: new Date(Date.now() - 7 * DAY).toISOString().slice(0, 10),
    to: today,
    timeZone: 'Europe/London',
    exceptions: true,
  });
  const [progress, setProgress] = useState<HistoricalProgress>();
  const [results, setResults] = useState<HistoricalUserResult[]>();
  const [names, setNames] = useState(new Map<string, string>());
  const [error, setError] = useState<string>();
  const [selected, setSelected] = useState<string>();
  const [running, setRunning] = useState<AbortController>();
  const [members, setMembers] = useState<Array<{ id: string; name: string }>>([]);
  const [agents, setAgents] = useState<string[]>([]);

  // The agents of the chosen management unit, by name, to pick some instead of a team or the whole unit.
  useEffect(() => {
    if (!form.mu) return;
    const ac = new AbortController();
    setAgents([]);
    (async () => {
      const ids = (await listManagementUnitUsers(client, form.mu, { signal: ac.signal })).map((u) => u.id);
      const users = await getUsersByIds(client, ids, { signal: ac.signal });
      setMembers(users.map((u) => ({ id: u.id, name: u.name ?? u.id })).sort((a, b) => a.name.localeCompare(b.name)));
    })().catch(() => {});
    return () => ac.abort();
  }, [client, form.mu]);

  useEffect(() => {
    (async () => {
      const bus = await listBusinessUnits(client);
      const all = (await Promise.all(bus.map((b) => listManagementUnits(client, b.id)))).flat();
      setMus(all);
      setForm((f) => ({ ...f, mu: f.mu || all[0]?.id || '', timeZone: all[0]?.timeZone ?? f.timeZone }));
      setTeams(await listTeams(client));
    })().catch((e: Error) => setError(e.message));
  }, [client]);

  const run = async (e: FormEvent) => {
    e.preventDefault();
    const start = new Date(`${form.from}T00:00:00Z`);
    const end = new Date(new Date(`${form.to}T00:00:00Z`).getTime() + DAY);
    if (!(end > start)) return setError('The end date must be on or after the start date.');
    if (form.exceptions && end.getTime() - start.getTime() > 7 * DAY)
      return setError('With exceptions, Genesys allows at most 7 days; shorten the range or untick exceptions.');
    if (end.getTime() - start.getTime() > 31 * DAY) return setError('Genesys allows at most 31 days per query.');
    const ac = new AbortController();
    setRunning(ac);
    setError(undefined);
    setResults(undefined);
    setSelected(undefined);
    try {
      const userIds = agents.length
        ? agents
        : form.team
          ? (await listTeamMembers(client, form.team, { signal: ac.signal })).map((m) => m.id)
          : undefined;
      const r = await historicalAdherence(client, {
        managementUnitId: form.mu,
        startDate: start.toISOString(),
        endDate: end.toISOString(),
        timeZone: form.timeZone,
        ...(userIds ? { userIds } : {}),
        includeExceptions: form.exceptions,
        includeActuals: form.exceptions,
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
      setError(err instanceof GenesysClientError && err.code === 'aborted' ? 'Cancelled.' : (err as Error).message);
    } finally {
      setRunning(undefined);
    }
  };

  const days = useMemo(() => dailyAverages(results ?? []), [results]);
  const exportCsv = () => {
    if (!results) return;
    const csv = toCsv([
      ['agent', 'userId', 'adherencePercentage', 'conformancePercentage', 'impact', 'exceptions'],
      ...results.map((r) => [
        names.get(r.userId) ?? r.userId,
        r.userId,
        r.adherencePercentage,
        r.conformancePercentage,
        r.impact,
        r.days.reduce((n, d) => n + d.exceptionCount, 0),
      ]),
    ]);
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
    a.download = `adherence-${form.from}-${form.to}.csv`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  };
  const pct =
    progress && progress.filesTotal > 0 ? Math.round((progress.filesDone / progress.filesTotal) * 100) : undefined;

  return (
    <section aria-labelledby="history-title" className="history">
      <h1 id="history-title">Historical adherence</h1>
      <form onSubmit={run} className="toolbar">
        <label>
          Management unit{' '}
          <select value={form.mu} onChange={(e) => setForm({ ...form, mu: e.target.value, team: '' })}>
            {mus.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Team{' '}
          <select value={form.team} onChange={(e) => setForm({ ...form, team: e.target.value })}>
            <option value="">Whole management unit</option>
            {teams
              .filter((t) => mus.find((m) => m.id === form.mu && t.name.startsWith(m.name ?? '\u0000')))
              .map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
          </select>
        </label>
        <label>
          Agents{' '}
          <select
            multiple
            size={3}
            value={agents}
            onChange={(e) => setAgents([...e.target.selectedOptions].map((o) => o.value))}
            aria-describedby="agents-hint"
          >
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </label>
        <span id="agents-hint" className="hint">
          {agents.length ? `${agents.length} agents chosen (instead of the team)` : 'none chosen: team or whole unit'}
        </span>
        <label>
          From{' '}
          <input
            type="date"
            value={form.from}
            max={form.to}
            onChange={(e) => setForm({ ...form, from: e.target.value })}
            required
          />
        </label>
        <label>
          To{' '}
          <input
            type="date"
            value={form.to}
            min={form.from}
            onChange={(e) => setForm({ ...form, to: e.target.value })}
            required
          />
        </label>
        <label>
          Time zone{' '}
          <select value={form.timeZone} onChange={(e) => setForm({ ...form, timeZone: e.target.value })}>
            {[...new Set([form.timeZone, ...ZONES])].map((z) => (
              <option key={z}>{z}</option>
            ))}
          </select>
        </label>
        <label>
          <input
            type="checkbox"
            checked={form.exceptions}
            onChange={(e) => setForm({ ...form, exceptions: e.target.checked })}
          />{' '}
          Exceptions and timeline (≤ 7 days)
        </label>
        <button type="submit" disabled={!!running || !form.mu}>
          Run
        </button>
        {running ? (
          <button type="button" onClick={() => running.abort()}>
            Cancel
          </button>
        ) : null}
      </form>
      {running ? (
        <div className="progress">
          <progress max={100} value={pct} aria-label="Query progress" />
          <span role="status">
            {progress?.phase === 'downloading'
              ? `Downloading results: ${progress.filesDone} of ${progress.filesTotal} files, ${progress.users} agents`
              : 'Genesys is computing adherence…'}
          </span>
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      {results ? (
        <>
          <div className="summary">
            <p>
              <strong data-testid="average-adherence">
                {average(results.map((r) => r.adherencePercentage)).toFixed(2)}%
              </strong>{' '}
              average adherence · <strong>{average(results.map((r) => r.conformancePercentage)).toFixed(2)}%</strong>{' '}
              average conformance · {results.length} agents
            </p>
            <button type="button" onClick={exportCsv}>
              Export CSV
            </button>
          </div>
          <DayChart days={days} />
          {selected ? (
            <Timeline result={results.find((r) => r.userId === selected)!} name={names.get(selected) ?? selected} />
          ) : (
            <p className="hint">Choose an agent to see their timeline of scheduled versus actual activity.</p>
          )}
          <div className="results-scroll" tabIndex={0} aria-label="Per-agent results">
            <table className="results">
              <caption>Per agent, lowest adherence first</caption>
              <thead>
                <tr>
                  <th scope="col">Agent</th>
                  <th scope="col">Adherence %</th>
                  <th scope="col">Conformance %</th>
                  <th scope="col">Impact</th>
                  <th scope="col">Exceptions</th>
                </tr>
              </thead>
              <tbody>
                {results.map((r) => (
                  <tr key={r.userId} data-user={r.userId} aria-selected={selected === r.userId}>
                    <th scope="row">
                      <button type="button" className="link" onClick={() => setSelected(r.userId)}>
                        {names.get(r.userId) ?? r.userId}
                      </button>
                    </th>
                    <td data-testid="adherence">{r.adherencePercentage.toFixed(2)}</td>
                    <td>{r.conformancePercentage.toFixed(2)}</td>
                    <td>{r.impact}</td>
                    <td>{r.days.reduce((n, d) => n + d.exceptionCount, 0)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </section>
  );
}

function average(xs: number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0;
}

/** Adherence per day over all agents, weighted by scheduled time as Genesys computes it. */
function dailyAverages(results: HistoricalUserResult[]) {
  const byDay = new Map<number, { schedule: number; exceptions: number }>();
  for (const r of results)
    for (const d of r.days) {
      const acc = byDay.get(d.dayStartOffsetSeconds) ?? { schedule: 0, exceptions: 0 };
      acc.schedule += d.adherenceScheduleSeconds;
      acc.exceptions += d.exceptionDurationSeconds;
      byDay.set(d.dayStartOffsetSeconds, acc);
    }
  const start = Date.parse(results[0]?.startDate ?? '') || 0;
  return [...byDay]
    .sort((a, b) => a[0] - b[0])
    .map(([offset, v]) => ({
      date: new Date(start + offset * 1000).toISOString().slice(0, 10),
      adherence: v.schedule ? (1 - v.exceptions / v.schedule) * 100 : 100,
    }));
}

function DayChart({ days }: { days: Array<{ date: string; adherence: number }> }) {
  const w = 40;
  const h = 160;
  return (
    <figure className="chart">
      <svg
        role="img"
        aria-labelledby="chart-title"
        width={Math.max(200, days.length * w + 40)}
        height={h + 40}
        viewBox={`0 0 ${Math.max(200, days.length * w + 40)} ${h + 40}`}
      >
        <title id="chart-title">
          Adherence per day: {days.map((d) => `${d.date} ${d.adherence.toFixed(1)}%`).join(', ')}
        </title>
        {[0, 50, 100].map((p) => (
          <g key={p}>
            <line
              x1={30}
              x2={days.length * w + 30}
              y1={h - (p / 100) * h + 10}
              y2={h - (p / 100) * h + 10}
              className="grid"
            />
            <text x={0} y={h - (p / 100) * h + 14} className="axis">
              {p}%
            </text>
          </g>
        ))}
        {days.map((d, i) => (
          <g key={d.date}>
            <rect
              x={34 + i * w}
              y={h - (d.adherence / 100) * h + 10}
              width={w - 8}
              height={(d.adherence / 100) * h}
              className="bar"
            />
            <text x={34 + i * w} y={h + 28} className="axis">
              {d.date.slice(5)}
            </text>
          </g>
        ))}
      </svg>
      <figcaption>Adherence per day</figcaption>
    </figure>
  );
}

const CATEGORY_CLASS: Record<string, string> = {
  OnQueueWork: 'cat-queue',
  Break: 'cat-break',
  Meal: 'cat-meal',
  Meeting: 'cat-meeting',
  Training: 'cat-training',
  OffQueueWork: 'cat-offqueue',
  Unavailable: 'cat-unavailable',
  TimeOff: 'cat-timeoff',
};

/** Actual activities over the range, with adherence exceptions marked beneath. */
function Timeline({ result, name }: { result: HistoricalUserResult; name: string }) {
  const total = Math.max(
    1,
    ...result.actuals.map((a) => a.endOffsetSeconds),
    ...result.days.map((d) => d.dayStartOffsetSeconds + 86_400),
  );
  const x = (s: number) => (s / total) * 1000;
  return (
    <figure className="timeline">
      <figcaption>Timeline of {name}: actual activity (top) and exceptions (red, below)</figcaption>
      <svg
        viewBox="0 0 1000 60"
        width="100%"
        height="60"
        role="img"
        aria-label={`${result.exceptions.length} exceptions`}
      >
        {result.actuals
          .filter((a) => a.actualActivityCategory !== 'Unavailable')
          .map((a, i) => (
            <rect
              key={i}
              x={x(a.startOffsetSeconds)}
              y={4}
              width={Math.max(0.5, x(a.endOffsetSeconds) - x(a.startOffsetSeconds))}
              height={24}
              className={CATEGORY_CLASS[a.actualActivityCategory] ?? 'cat-other'}
            >
              <title>{a.actualActivityCategory}</title>
            </rect>
          ))}
        {result.exceptions.map((e, i) => (
          <rect
            key={`e${i}`}
            x={x(e.startOffsetSeconds)}
            y={34}
            width={Math.max(1, x(e.endOffsetSeconds) - x(e.startOffsetSeconds))}
            height={20}
            className="exception"
          >
            <title>{`Scheduled ${e.scheduledActivityCategory}, actual ${e.actualActivityCategory}`}</title>
          </rect>
        ))}
      </svg>
      <ul className="legend">
        {Object.entries(CATEGORY_CLASS).map(([c, cls]) => (
          <li key={c}>
            <span className={`swatch ${cls}`} aria-hidden="true" />
            {c}
          </li>
        ))}
        <li>
          <span className="swatch exception" aria-hidden="true" />
          Exception
        </li>
      </ul>
    </figure>
  );
}
