import { FindingList } from './FindingList.js';
import { useState } from 'react';
import { diagnose, type Diagnosis } from '@adhere/oauth/diagnose';

/** Paste a failed token exchange from any app (HAR, "Copy as cURL", JSON) and read its causes. */
export function DoctorPage() {
  const [text, setText] = useState('');
  const [result, setResult] = useState<Diagnosis>();
  const [error, setError] = useState<string>();
  const run = async () => {
    setError(undefined);
    try {
      const trimmed = text.trim();
      setResult(await diagnose(trimmed));
    } catch (e) {
      setResult(undefined);
      setError(`That is not a HAR, a JSON exchange or a curl command: ${(e as Error).message}`);
    }
  };
  return (
    <section aria-labelledby="doctor-title" className="diagnostics">
      <h1 id="doctor-title">Why did my token exchange fail?</h1>
      <p>
        Paste whatever you have, in any order: your code (fetch, axios, jQuery, XMLHttpRequest, the SDK), a HAR export,
        DevTools&apos; &ldquo;Copy as cURL&rdquo;, &ldquo;Copy as fetch&rdquo; or &ldquo;Copy as PowerShell&rdquo;, a
        raw request from Fiddler or Burp, the authorize URL and the error response. It stays in this page; nothing is
        sent anywhere, and code is read, never run.
      </p>
      <label htmlFor="doctor-input">Failed exchange</label>
      <textarea id="doctor-input" rows={10} value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} />
      <p>
        <button type="button" className="primary" onClick={() => void run()} disabled={!text.trim()}>
          Diagnose
        </button>
      </p>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      {result ? (
        result.findings.length === 0 ? (
          <p role="status">No problems found.</p>
        ) : (
          <FindingList findings={result.findings} label="Findings" />
        )
      ) : null}
    </section>
  );
}
