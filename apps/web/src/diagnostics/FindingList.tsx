/** @module One way to show diagnose() findings: the Diagnostics page after a failed sign-in and the Doctor page. */
import type { Finding } from '@adhere/oauth';

const SEVERITY_WORD = { error: 'Problem', warning: 'Warning', info: 'Note' } as const;

export function FindingList({ findings, label }: { findings: Finding[]; label: string }) {
  return (
    <ol className="findings" aria-label={label}>
      {findings.map((f, i) => (
        <li key={i} data-code={f.code} className={`finding finding-${f.severity}`}>
          <p>
            <strong>{SEVERITY_WORD[f.severity]}:</strong> {f.message}
          </p>
          <p>
            Seen: <code>{f.evidence}</code>
          </p>
          <p>Fix: {f.fix}</p>
        </li>
      ))}
    </ol>
  );
}
