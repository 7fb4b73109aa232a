/**
 * @module A diagnose() finding in the page's language: the catalogue's `oauth.<code>` message and fix, said with the
 * finding's values. The library's English sentences stay for the CLI and logs; the app says its own (the same in
 * English: the i18n test compares them).
 */
import type { Finding, FindingCode } from '@adhere/oauth';
import type { MessageKey } from '../i18n/messages/en.js';
import type { Message } from '../i18n/i18n.js';

// Every finding code has both messages: a code added to the library without them fails to compile here.
type Keys = `oauth.${FindingCode}` | `oauth.${FindingCode}.fix`;
const complete: Keys extends MessageKey ? true : never = true;
void complete;

export function findingMessages(f: Pick<Finding, 'code' | 'values'>): { message: Message; fix: Message } {
  const values = f.values ?? {};
  return {
    message: { key: `oauth.${f.code}` as const, values },
    fix: { key: `oauth.${f.code}.fix` as const, values },
  };
}
