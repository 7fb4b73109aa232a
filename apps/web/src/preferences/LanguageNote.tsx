/** @module Says why the page is in English when the language asked for could not be used (issue 21, bad input). */
import { t, useLocale } from '../i18n/i18n.js';
import { resolveLanguage } from './language.js';

export function LanguageNote() {
  useLocale();
  const { problem } = resolveLanguage();
  if (!problem) return null;
  return (
    <p className="hint" role="status" data-testid="language-note">
      {t(problem.kind === 'malformed' ? 'language.malformed' : 'language.unsupported', { tag: problem.tag })}
    </p>
  );
}
