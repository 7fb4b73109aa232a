/**
 * @module What the agent is doing now, and setting their presence (issue 22, item 3), in the agent's day: the
 * presence and routing status with since when, the interaction's media; a presence chosen from the org's
 * definitions, confirmed before it is sent, and a line for each change made here.
 */
import { useEffect, useState } from 'react';
import {
  presenceLabel,
  setUserPresence,
  userConversationSummaryTopic,
  userRoutingStatusTopic,
  type AgentAdherence,
  type FeatureCheck,
  type GenesysClient,
  type PresenceDefinition,
} from '@adhere/genesys';
import { problemWords } from '../access/denied.js';
import { tabNotifications } from '../notifications.js';
import { presenceWords, routingWords } from '../words.js';
import { currentLocale, t, tx } from '../i18n/i18n.js';
import type { AgentNowStore } from './agent-now.js';
import { interactionWords } from './agent-now.js';
import { formatDuration } from './state-style.js';
import { presenceChanges, type PresenceChange } from './presence-changes.js';

/** Presences a supervisor may choose: not the ones the agent's own client sets (Offline, Idle). */
const SETTABLE = ['OnQueue', 'Available', 'Busy', 'Away', 'Break', 'Meal', 'Meeting', 'Training'];

export function PresenceSection({
  client,
  userId,
  name,
  record,
  agentNow,
  definitions,
  definitionsProblem,
  check,
  now,
  at,
}: {
  client: GenesysClient;
  userId: string;
  name: string;
  record: AgentAdherence | undefined;
  agentNow: AgentNowStore;
  definitions: readonly PresenceDefinition[] | undefined;
  definitionsProblem: string | undefined;
  /** Whether this app may set presences (undefined: not known yet). */
  check: FeatureCheck | undefined;
  now: number;
  /** A time of today in the unit's zone, as the day view says times. */
  at: (t: number) => string;
}) {
  const [chosen, setChosen] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState<React.ReactNode>();
  const [changes, setChanges] = useState<readonly PresenceChange[]>(() => presenceChanges.of(userId));
  // The agent's own user topics while the view is open (one agent: two topics, not the board's thousands):
  // a new interaction shows at once, not only with the next adherence record. Optional, like every feed here.
  useEffect(() => {
    const topics = [userRoutingStatusTopic(userId), userConversationSummaryTopic(userId)];
    const feed = tabNotifications(client).listen({
      optionalTopics: topics,
      onEvent: (e) => topics.includes(e.topicName) && agentNow.refresh(userId),
      onResync: () => agentNow.refresh(userId),
    });
    return () => feed.close();
  }, [client, userId, agentNow]);
  const labelOf = (d: PresenceDefinition) => {
    // The org's label in the page's language where it wrote one (Genesys's languageLabels).
    const label = presenceLabel(d, currentLocale());
    return d.type === 'System' || label === presenceWords(d.systemPresence)
      ? presenceWords(d.systemPresence)
      : `${presenceWords(d.systemPresence)} · ${label}`;
  };
  const choices = (definitions ?? [])
    .filter((d) => SETTABLE.includes(d.systemPresence ?? ''))
    .sort(
      (a, b) =>
        SETTABLE.indexOf(a.systemPresence!) - SETTABLE.indexOf(b.systemPresence!) || (a.type === 'System' ? -1 : 1),
    );
  const target = choices.find((d) => d.id === chosen);

  const doing = record ? agentNow.of(record) : undefined;
  const interaction = doing ? interactionWords(doing) : undefined;
  const presenceSince = Date.parse(record?.presenceUpdateTime ?? '');

  const send = async () => {
    if (!target || !record) return;
    setBusy(true);
    try {
      await setUserPresence(client, userId, target.id);
      const change: PresenceChange = {
        at: Date.now(),
        to: labelOf(target),
        from: presenceWords(record.systemPresence),
      };
      setChanges(presenceChanges.add(userId, change));
      setSaid(tx('presence.said', { to: change.to }, { name: () => <bdi>{name}</bdi> }));
      setConfirming(false);
      setChosen('');
    } catch (e) {
      setSaid(t('presence.notChanged', { problem: problemWords(e) }));
    } finally {
      setBusy(false);
    }
  };

  const missing = check && check.available === false ? [...check.missingPermissions, ...check.missingScopes] : [];
  return (
    <section aria-label={t('presence.sectionLabel', { name })} className="presence-now">
      <h3>{t('presence.now')}</h3>
      {record ? (
        <p data-testid="doing-now">
          {presenceWords(record.systemPresence)}
          {Number.isFinite(presenceSince)
            ? ` ${t('presence.since', { at: at(presenceSince), time: formatDuration(now - presenceSince) })}`
            : ''}
          {' · '}
          {interaction ?? routingWords(record.routingStatus)}
          {interaction && doing?.routingSince !== undefined
            ? ` ${t('presence.since', { at: at(doing.routingSince), time: formatDuration(now - doing.routingSince) })}`
            : ''}
        </p>
      ) : null}
      {check === undefined ? null : missing.length > 0 ? (
        <p className="hint" data-testid="presence-needs">
          {t('presence.needsScope', { scope: missing.map((r) => r.label).join(', ') })}
        </p>
      ) : definitions === undefined ? (
        <p className="hint" data-testid="presence-needs">
          {definitionsProblem
            ? t('presence.needsDefinitionsProblem', { problem: definitionsProblem })
            : t('presence.needsDefinitionsLoading')}
        </p>
      ) : confirming && target ? (
        <div role="group" aria-label={t('presence.confirmLabel')} data-testid="presence-confirm">
          <p>
            {tx(
              'presence.confirm',
              { to: labelOf(target) },
              { name: () => <bdi>{name}</bdi>, b: (c) => <strong>{c}</strong> },
            )}
          </p>
          <button type="button" disabled={busy} onClick={() => void send()}>
            {t('presence.setTo', { to: labelOf(target) })}
          </button>{' '}
          <button type="button" disabled={busy} onClick={() => setConfirming(false)}>
            {t('presence.cancel')}
          </button>
        </div>
      ) : (
        <form
          className="presence-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (target) setConfirming(true);
          }}
        >
          {/* Not wrapped in its label: the options' words would become part of its name. */}
          <label htmlFor={`presence-choice-${userId}`}>{t('presence.set')}</label>{' '}
          <select id={`presence-choice-${userId}`} value={chosen} onChange={(e) => setChosen(e.target.value)}>
            <option value="">{t('presence.choose')}</option>
            {choices.map((d) => (
              <option key={d.id} value={d.id}>
                {labelOf(d)}
              </option>
            ))}
          </select>{' '}
          <button type="submit" disabled={!target}>
            {t('presence.setEllipsis')}
          </button>
        </form>
      )}
      {said ? (
        <p role="status" data-testid="presence-said">
          {said}
        </p>
      ) : null}
      {changes.length > 0 ? (
        <ul className="hint" data-testid="presence-audit" aria-label={t('presence.changes')}>
          {changes.map((c) => (
            <li key={c.at}>{t('presence.change', { at: at(c.at), to: c.to, from: c.from })}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
