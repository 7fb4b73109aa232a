/**
 * @module The supervisor's own alert choices: desktop notifications, sound, when an alert comes, muted agents. The
 * same controls on the board (beside its alerts) and in Settings, kept in one place (alert-prefs).
 */
import { t } from '../i18n/i18n.js';
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
        {inside ? t('alertChoices.genesys') : t('alertChoices.desktop')}
      </label>
      <label>
        <input
          type="checkbox"
          checked={prefs.sound}
          onChange={(e) => setPrefs({ ...prefs, sound: e.target.checked })}
        />{' '}
        {t('alertChoices.sound')}
      </label>
      <label>
        {t('alertChoices.after')}{' '}
        <input
          type="number"
          className="narrow"
          min={1}
          max={240}
          value={prefs.minutes ?? ''}
          placeholder={t('alertChoices.placeholder')}
          onChange={(e) => {
            const n = Number(e.target.value);
            setPrefs({ ...prefs, minutes: e.target.value && n > 0 ? n : undefined });
          }}
        />{' '}
        {t('alertChoices.minutesOut')}
      </label>
      {prefs.mutedAgents.length ? (
        <button type="button" onClick={() => setPrefs({ ...prefs, mutedAgents: [] })}>
          {t('alertChoices.unmute', { count: prefs.mutedAgents.length })}
        </button>
      ) : null}
    </>
  );
}
