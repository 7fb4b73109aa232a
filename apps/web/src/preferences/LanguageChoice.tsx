/** @module The language control, under Appearance in Settings: automatic (Genesys Cloud's or the browser's) or one. */
import { useState } from 'react';
import { LOCALE_NAMES, LOCALES } from '../i18n/locales.js';
import { switchLocale, t, useLocale } from '../i18n/i18n.js';
import {
  autoSource,
  resolveLanguage,
  storeLanguage,
  storedLanguage,
  type LanguageChoice as Choice,
} from './language.js';
import { LanguageNote } from './LanguageNote.js';

export function LanguageChoice() {
  useLocale();
  const [choice, setChoice] = useState<Choice>(storedLanguage);
  const auto = resolveLanguage('auto').locale;
  return (
    <>
      <label className="language">
        {t('language.label')}{' '}
        <select
          value={choice}
          onChange={(e) => {
            const next = e.target.value as Choice;
            storeLanguage(next);
            setChoice(next);
            void switchLocale(resolveLanguage(next).locale);
          }}
        >
          <option value="auto">{t('language.auto', { source: autoSource(), name: LOCALE_NAMES[auto] })}</option>
          {LOCALES.map((l) => (
            <option key={l} value={l} lang={l}>
              {LOCALE_NAMES[l]}
            </option>
          ))}
        </select>
      </label>
      <p className="hint">{t('language.hint')}</p>
      <LanguageNote />
    </>
  );
}
