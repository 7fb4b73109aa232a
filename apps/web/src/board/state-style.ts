import { hoursMinutes } from '../words.js';

/** Each adherence state has a colour, an icon and its words: never colour alone. */
export const STATE_STYLE: Record<string, { label: string; icon: string; className: string }> = {
  InAdherence: { label: 'In adherence', icon: '✓', className: 'state-in' },
  OutOfAdherence: { label: 'Out of adherence', icon: '✕', className: 'state-out' },
  Unscheduled: { label: 'Unscheduled', icon: '◌', className: 'state-unscheduled' },
  Ignored: { label: 'Ignored', icon: '–', className: 'state-ignored' },
  Explained: { label: 'Explained', icon: 'ℹ', className: 'state-explained' },
  Unknown: { label: 'Unknown', icon: '?', className: 'state-unknown' },
};

export function styleOf(state: string | undefined) {
  return STATE_STYLE[state ?? 'Unknown'] ?? STATE_STYLE.Unknown!;
}

/**
 * A length of time in ms, said as everywhere else in the app (issue 22, item 7: "3:10" read as a clock time beside
 * "5h 52m"): "5 h 52 min", "3 min 10 s", "40 s"; "–" when not known.
 */
export function formatDuration(ms: number): string {
  return ms >= 0 ? hoursMinutes(Math.floor(ms / 1000)) : '–';
}
