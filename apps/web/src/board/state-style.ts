import { t } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/messages/en.js';
import { hoursMinutes } from '../words.js';

/** Each adherence state has a colour, an icon and its words: never colour alone. */
const STYLES: Record<string, { key: MessageKey; icon: string; className: string }> = {
  InAdherence: { key: 'state.InAdherence', icon: '✓', className: 'state-in' },
  OutOfAdherence: { key: 'state.OutOfAdherence', icon: '✕', className: 'state-out' },
  Unscheduled: { key: 'state.Unscheduled', icon: '◌', className: 'state-unscheduled' },
  Ignored: { key: 'state.Ignored', icon: '–', className: 'state-ignored' },
  Explained: { key: 'state.Explained', icon: 'ℹ', className: 'state-explained' },
  Unknown: { key: 'state.Unknown', icon: '?', className: 'state-unknown' },
};

export interface StateStyle {
  /** The state's name in the page's language. */
  label: string;
  icon: string;
  className: string;
}

/** Each state's style, its label in the page's language at the time of reading. */
export const STATE_STYLE: Readonly<Record<string, StateStyle>> = Object.fromEntries(
  Object.entries(STYLES).map(([state, s]) => [
    state,
    {
      icon: s.icon,
      className: s.className,
      get label() {
        return t(s.key);
      },
    },
  ]),
);

export function styleOf(state: string | undefined): StateStyle {
  return STATE_STYLE[state ?? 'Unknown'] ?? STATE_STYLE.Unknown!;
}

/**
 * A length of time in ms, said as everywhere else in the app (issue 22, item 7: "3:10" read as a clock time beside
 * "5h 52m"): "5 h 52 min", "3 min 10 s", "40 s"; "–" when not known.
 */
export function formatDuration(ms: number): string {
  return ms >= 0 ? hoursMinutes(Math.floor(ms / 1000)) : '–';
}
