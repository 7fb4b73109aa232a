/**
 * @module Excusing time out of adherence from the board (issue 22, what to build 2): one agent's spell, or every
 * agent of a mass deviation, explained and approved in one action through Genesys's supervisor route (POST
 * …/agents/{agentId}/adherence/explanations with status Approved; `wfm:adherenceExplanation:add`). Each spell is
 * excused from its start to now, in whole minutes: Genesys refuses time that has not happened yet.
 */
import { useEffect, useRef, useState } from 'react';
import { addExplanation, type GenesysClient } from '@adhere/genesys';
import { problemWords } from '../access/denied.js';
import { isolate, t, tx } from '../i18n/i18n.js';

export interface Spell {
  userId: string;
  name: string;
  /** When the spell began (Genesys's timeOfAdherenceChange). */
  start: number;
}

export function ExcuseDialog({
  client,
  spells,
  suggestion,
  at,
  onClose,
}: {
  client: GenesysClient;
  spells: readonly Spell[];
  /** A reason to start from ("System or schedule issue" for a mass deviation). */
  suggestion: string;
  /** A time as the unit reads its clocks. */
  at: (t: number) => string;
  onClose: (said: string | undefined) => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState(suggestion);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  const excuse = async () => {
    if (!reason.trim()) return setProblem(t('excuse.sayWhy'));
    setBusy(true);
    const now = Date.now();
    let done = 0;
    const failed: string[] = [];
    const tooShort: string[] = [];
    // One after another: the client's pacer keeps them inside the rate limit, and a refusal is said per agent.
    for (const s of spells) {
      const minutes = Math.floor((now - s.start) / 60_000);
      if (minutes < 1) {
        tooShort.push(s.name);
        continue;
      }
      try {
        await addExplanation(
          client,
          { startDate: new Date(s.start).toISOString(), lengthMinutes: minutes, notes: reason.trim() },
          { agentId: s.userId, status: 'Approved' },
        );
        done++;
      } catch (e) {
        failed.push(t('excuse.failedOne', { name: isolate(s.name), problem: problemWords(e) }));
      }
    }
    setBusy(false);
    onClose(
      [
        done ? t('excuse.done', { count: done }) : '',
        tooShort.length ? t('excuse.tooShort', { names: tooShort.map(isolate).join(', ') }) : '',
        failed.length ? t('excuse.failed', { list: failed.join('; ') }) : '',
      ]
        .filter(Boolean)
        .join(' '),
    );
  };
  const first = spells[0];
  return (
    <dialog
      ref={dialog}
      className="excuse-dialog"
      aria-labelledby="excuse-title"
      onClose={() => !busy && onClose(undefined)}
      data-testid="excuse-dialog"
    >
      <h2 id="excuse-title">
        {spells.length === 1 && first
          ? tx('excuse.titleOne', {}, { name: () => <bdi>{first.name}</bdi> })
          : t('excuse.titleMany', { count: spells.length })}
      </h2>
      <p>
        {spells.length === 1 && first ? t('excuse.fromOne', { at: at(first.start) }) : t('excuse.fromMany')}{' '}
        {t('excuse.keep')}
      </p>
      <label>
        {t('excuse.why')}{' '}
        <input
          value={reason}
          maxLength={1000}
          onChange={(e) => setReason(e.target.value)}
          aria-describedby="excuse-problem"
        />
      </label>
      {problem ? (
        <p id="excuse-problem" role="alert" className="field-problem">
          {problem}
        </p>
      ) : null}
      <div className="toolbar">
        <button type="button" className="primary" disabled={busy} onClick={() => void excuse()}>
          {busy ? t('excuse.busy') : t('excuse.button', { count: spells.length })}
        </button>
        <button type="button" disabled={busy} onClick={() => onClose(undefined)}>
          {t('excuse.cancel')}
        </button>
      </div>
    </dialog>
  );
}
