/** @module Alerts for the board: checked once a second, shown in the app, and on the desktop when allowed. */
import { isolate, t } from '../i18n/i18n.js';
import { genesysCloudHost } from '../embedding/current.js';
import { useEffect, useRef, useState } from 'react';
import type { AgentAdherence } from '@adhere/genesys';
import { loadAlerted, loadAlertPrefs, saveAlerted, saveAlertPrefs } from '../preferences/alert-prefs.js';
import { activityInSentence } from '../words.js';
import { AlertWatch, type Alert, type AlertPrefs, type MassDeviation } from './alerts.js';
import { SituationWatch, type SituationAlert } from './situation-alerts.js';
import { SITUATION_IN_SENTENCE } from './situations.js';
import type { BoardModel } from './board-model.js';
import { formatDuration } from './state-style.js';
import type { Thresholds } from './thresholds.js';

/** An alert in the board's list: severely out of adherence, or a situation turned severe. */
export interface ListedAlert {
  /** Unique among the list's alerts (a situation's is marked apart from an adherence episode's). */
  key: string;
  userId: string;
  /** When the episode began (epoch ms). */
  since: number;
  /** What it is, in words: "severely out of adherence", "break overrun (severe)". */
  what: string;
  kind: 'adherence' | 'situation';
}

/** How many alerts the list keeps, newest first. */
const KEPT = 200;

const listedAdherence = (a: Alert): ListedAlert => ({
  key: a.key,
  userId: a.userId,
  since: a.since,
  // Said when drawn, so the list follows a change of language.
  get what() {
    return t('alerts.severelyOut');
  },
  kind: 'adherence',
});

const listedSituation = (a: SituationAlert): ListedAlert => ({
  key: `situation:${a.key}`,
  userId: a.userId,
  since: a.since,
  get what() {
    return t('alerts.situationSevere', { situation: SITUATION_IN_SENTENCE[a.kind] });
  },
  kind: 'situation',
});

export function useAlerts(
  model: BoardModel,
  now: number,
  /** Changes at most once a second when the board changed (a snapshot, events): a reason to look again. */
  tick: number,
  thresholdOf: (r: AgentAdherence) => Thresholds,
  /** The agent's name, with what tells them apart from a namesake. */
  nameOf: (userId: string) => string = (id) => model.names.get(id) ?? t('alerts.anAgent'),
) {
  const [prefs, setPrefsState] = useState(loadAlertPrefs);
  const watch = useRef<AlertWatch | undefined>(undefined);
  watch.current ??= new AlertWatch(loadAlerted());
  const situations = useRef<SituationWatch | undefined>(undefined);
  situations.current ??= new SituationWatch();
  const [alerts, setAlerts] = useState<ListedAlert[]>([]);
  const [mass, setMass] = useState<MassDeviation[]>([]);
  /** Who was already past the threshold when the board opened: listed once, one summary notification. */
  const [alreadyOut, setAlreadyOut] = useState<Alert[]>();
  const thresholdRef = useRef(thresholdOf);
  thresholdRef.current = thresholdOf;
  const nameRef = useRef(nameOf);
  nameRef.current = nameOf;

  useEffect(() => {
    if (model.snapshots === 0) return; // nothing to judge before the first snapshot
    // A task of its own: at 20,000 agents the check must not lengthen the task that re-ranked the board.
    const timer = setTimeout(() => {
      const w = watch.current!;
      const result = w.check(model.all(), now, thresholdRef.current, prefs);
      setMass((m) => (JSON.stringify(m) === JSON.stringify(result.mass) ? m : result.mass));
      if (result.alreadyOut.length > 0) {
        setAlreadyOut(result.alreadyOut);
        announceAtOpening(
          t('alerts.atOpeningOut', { count: result.alreadyOut.length }),
          t('alerts.atOpeningOutBody'),
          'already-out',
          prefs,
        );
      } else setAlreadyOut((a) => a ?? []);
      // Situations (issue 22, what to build 1): each alerts when it turns severe; those severe at opening, once.
      if (model.situationOf) {
        const muted = (id: string) => {
          const r = model.get(id);
          return (
            prefs.mutedAgents.includes(id) ||
            prefs.mutedUnits.includes(r?.managementUnitId ?? '') ||
            // An outage's agents are the banner's, not a storm of situations.
            (r !== undefined && w.heldBack(r))
          );
        };
        const s = situations.current!.check(model.all(), now, model.situationOf, muted);
        if (s.already.length > 0)
          announceAtOpening(
            t('alerts.atOpeningSituation', { count: s.already.length }),
            t('alerts.atOpeningSituationBody'),
            'already-in-situation',
            prefs,
          );
        for (const a of s.alerts)
          notify(
            prefs,
            t('alerts.situationTitle', {
              name: isolate(nameRef.current(a.userId)),
              situation: SITUATION_IN_SENTENCE[a.kind],
            }),
            {
              body: t('alerts.situationBody', { time: formatDuration(now - a.since) }),
              tag: a.key,
            },
          );
        // In the board's own list too, beside the adherence alerts (issue 22): newest first, the same 200 kept.
        if (s.alerts.length > 0) setAlerts((a) => [...s.alerts.map(listedSituation), ...a].slice(0, KEPT));
      }
      if (result.alerts.length === 0) return;
      saveAlerted(w.keys());
      setAlerts((a) => [...result.alerts.map(listedAdherence), ...a].slice(0, KEPT));
      for (const alert of result.alerts) announce(alert, nameRef.current(alert.userId), now, prefs);
    }, 0);
    return () => clearTimeout(timer);
  }, [model, now, tick, prefs]);

  const setPrefs = (p: AlertPrefs) => {
    saveAlertPrefs(p);
    setPrefsState(p);
  };
  return {
    prefs,
    setPrefs,
    alerts,
    dismiss: (key: string) => setAlerts((a) => a.filter((x) => x.key !== key)),
    mass,
    alreadyOut: alreadyOut ?? [],
    dismissAlreadyOut: () => setAlreadyOut([]),
  };
}

/**
 * One notification for everyone already in a state when the board opened, not one each (a storm): "3 agents were
 * already <state> when the board opened".
 */
function announceAtOpening(title: string, body: string, tag: string, prefs: AlertPrefs) {
  notify(prefs, title, { body, tag });
}

/** The desktop notification (with permission) and the sound (when asked for). */
function announce(alert: Alert, name: string, now: number, prefs: AlertPrefs) {
  const r = alert.record;
  notify(prefs, t('alerts.severeTitle', { name: isolate(name) }), {
    body: t('alerts.severeBody', {
      time: formatDuration(now - alert.since),
      scheduled: activityInSentence(r.scheduledActivityCategory),
      actual: activityInSentence(r.actualActivityCategory),
    }),
    tag: alert.key,
  });
  if (prefs.sound) beep();
}

/**
 * A desktop notification when the supervisor turned them on and the browser allows them; inside Genesys Cloud,
 * a Genesys Cloud toast instead (issue 21: no browser permission, and where the supervisor is looking).
 */
function notify(prefs: AlertPrefs, title: string, options: NotificationOptions) {
  if (!prefs.desktop) return;
  const host = genesysCloudHost();
  if (host) return host.toast(title, options.body ?? '', options.tag ? { id: options.tag } : {});
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  try {
    new Notification(title, options);
  } catch {
    // Some browsers allow notifications only from a service worker; the in-app list still has it.
  }
}

let audio: AudioContext | undefined;
function beep() {
  try {
    audio ??= new AudioContext();
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    gain.gain.value = 0.08;
    osc.frequency.value = 880;
    osc.connect(gain).connect(audio.destination);
    osc.start();
    osc.stop(audio.currentTime + 0.18);
  } catch {
    // No audio output: the alert is still listed.
  }
}
