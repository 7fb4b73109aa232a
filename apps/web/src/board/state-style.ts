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

export function formatDuration(ms: number): string {
  if (!(ms >= 0)) return '–';
  const s = Math.floor(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  return h > 0 ? `${h}h ${String(m).padStart(2, '0')}m` : `${m}:${String(sec).padStart(2, '0')}`;
}
