/** @module Historical adherence: the form and the report. Data comes from useHistoryOptions and useHistoricalReport. */
import { useMemo, useState, type FormEvent } from 'react';
import type { GenesysClient } from '@adhere/genesys';
import { toCsv } from './csv.js';
import { DayChart } from './DayChart.js';
import { average, dailyAverages } from './report-math.js';
import { Timeline } from './Timeline.js';
import { useHistoricalReport } from './useHistoricalReport.js';
import { useHistoryOptions } from './useHistoryOptions.js';

const DAY = 86_400_000;
const ZONES = ['Europe/London', 'America/New_York', 'America/Chicago', 'Australia/Sydney', 'Asia/Tokyo', 'UTC'];

/** Historical adherence: a date range in a time zone, per-agent adherence and conformance, a chart over days, a timeline, CSV. */
export function HistoryPage({ client }: { client: GenesysClient }) {
  const today = new Date().toISOString().slice(0, 10);
  const [form, setForm] = useState({
    mu: '',
    team: '',
    from: new Date(Date.now() - 7 * DAY).toISOString().slice(0, 10),
    to: today,
    timeZone: '',
    exceptions: true,
  });
  const [selected, setSelected] = useState<string>();
  const [agents, setAgents] = useState<string[]>([]);
  const options = useHistoryOptions(client, form.mu);
  const { mus, teams, members, muId: mu } = options;
  // Until the user picks, the management unit's own time zone.
  const timeZone = form.timeZone || mus.find((m) => m.id === mu)?.timeZone || 'Europe/London';
  const report = useHistoricalReport(client);
  const { progress, results, names, running } = report;
  const error = report.error ?? options.error;

  const run = (e: FormEvent) => {
    e.preventDefault();
    setSelected(undefined);
    void report.run({ ...form, mu, timeZone, agents });
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
          <select
            value={mu}
            onChange={(e) => {
              setAgents([]);
              setForm({ ...form, mu: e.target.value, team: '' });
            }}
          >
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
              .filter((t) => mus.find((m) => m.id === mu && t.name.startsWith(m.name ?? '\u0000')))
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
          <select value={timeZone} onChange={(e) => setForm({ ...form, timeZone: e.target.value })}>
            {[...new Set([timeZone, ...ZONES])].map((z) => (
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
        <button type="submit" disabled={running || !mu}>
          Run
        </button>
        {running ? (
          <button type="button" onClick={report.cancel}>
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
