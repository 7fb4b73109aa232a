/** @module One way to show diagnose() findings: the Diagnostics page after a failed sign-in and the Doctor page. */
import type { Finding } from '@adhere/oauth';
import { said, t, tx, wordTable } from '../i18n/i18n.js';
import { findingMessages } from './finding-words.js';
import { evidenceWords } from './evidence-words.js';

const SEVERITY_WORD = wordTable<Finding['severity']>({
  error: 'finding.error',
  warning: 'finding.warning',
  info: 'finding.info',
});

export function FindingList({ findings, label }: { findings: Finding[]; label: string }) {
  return (
    <ol className="findings" aria-label={label}>
      {findings.map((f, i) => {
        const words = findingMessages(f);
        return (
          <li key={i} data-code={f.code} className={`finding finding-${f.severity}`}>
            <p>
              <strong>{t('finding.severity', { severity: SEVERITY_WORD[f.severity] })}</strong> {said(words.message)}
            </p>
            <p>{tx('finding.seen', {}, { code: () => <code>{evidenceWords(f)}</code> })}</p>
            <p>{t('finding.fix', { fix: said(words.fix) })}</p>
          </li>
        );
      })}
    </ol>
  );
}
