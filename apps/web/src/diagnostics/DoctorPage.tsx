import { FindingList } from './FindingList.js';
import { t, tx } from '../i18n/i18n.js';
import { useState } from 'react';
import { diagnose, type Diagnosis } from '@adhere/oauth/diagnose';

/** Paste a failed token exchange from any app (HAR, "Copy as cURL", JSON) and read its causes. */
export function DoctorPage() {
  const [text, setText] = useState('');
  const [result, setResult] = useState<Diagnosis>();
  // What could not be read, as the library says it (a field path: technical, shown as code in any language).
  const [error, setError] = useState<string>();
  const run = async () => {
    setError(undefined);
    try {
      const trimmed = text.trim();
      setResult(await diagnose(trimmed));
    } catch (e) {
      setResult(undefined);
      setError((e as Error).message);
    }
  };
  return (
    <section aria-labelledby="doctor-title" className="diagnostics">
      <h1 id="doctor-title">{t('doctor.title')}</h1>
      <p>{t('doctor.lead')}</p>
      <label htmlFor="doctor-input">{t('doctor.input')}</label>
      <textarea id="doctor-input" rows={10} value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} />
      <p>
        <button type="button" className="primary" onClick={() => void run()} disabled={!text.trim()}>
          {t('doctor.diagnose')}
        </button>
      </p>
      {error ? (
        <p role="alert" className="error">
          {tx('doctor.notParsed', { problem: error }, { code: (c) => <code>{c}</code> })}
        </p>
      ) : null}
      {result ? (
        result.findings.length === 0 ? (
          <p role="status">{t('doctor.none')}</p>
        ) : (
          <FindingList findings={result.findings} label={t('doctor.findings')} />
        )
      ) : null}
    </section>
  );
}
