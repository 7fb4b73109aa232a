/**
 * @module The supervisor's own alert choices: desktop notifications, sound, when an alert comes, muted agents. The
 * same controls on the board (beside its alerts) and in Settings, kept in one place (alert-prefs).
 */
import type { AlertPrefs } from '../board/alerts.js';
import { genesysCloudHost } from '../embedding/current.js';

export function AlertChoices({ prefs, setPrefs }: { prefs: AlertPrefs; setPrefs: (p: AlertPrefs) => void }) {
  // Inside Genesys Cloud alerts are its own toasts: no browser permission to ask for.
  const inside = genesysCloudHost() !== undefined;
  const toggleDesktop = async (on: boolean) => {
    if (on && !inside && typeof Notification !== 'undefined' && Notification.permission !== 'granted') {
      const answer = await Notification.requestPermission();
      if (answer !== 'granted') return setPrefs({ ...prefs, desktop: false });
    }
    setPrefs({ ...prefs, desktop: on });
  };
  return (
    <>
      <label>
        <input type="checkbox" checked={prefs.desktop} onChange={(e) => void toggleDesktop(e.target.checked)} />{' '}
        {inside ? 'Genesys Cloud notifications' : 'Desktop notifications'}
      </label>
      <label>
        <input
          type="checkbox"
          checked={prefs.sound}
          onChange={(e) => setPrefs({ ...prefs, sound: e.target.checked })}
        />{' '}
        Sound
      </label>
      <label>
        Alert after{' '}
        <input
          type="number"
          className="narrow"
          min={1}
          max={240}
          value={prefs.minutes ?? ''}
          placeholder="unit's"
          onChange={(e) => {
            const n = Number(e.target.value);
            setPrefs({ ...prefs, minutes: e.target.value && n > 0 ? n : undefined });
          }}
        />{' '}
        minutes out (empty: the unit&apos;s severe threshold)
      </label>
      {prefs.mutedAgents.length ? (
        <button type="button" onClick={() => setPrefs({ ...prefs, mutedAgents: [] })}>
          Unmute {prefs.mutedAgents.length} agents
        </button>
      ) : null}
    </>
  );
}
