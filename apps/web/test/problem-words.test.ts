// Issue 21, item 2: what went wrong with Genesys, in the page's language, by its kind; Genesys's own words quoted
// where they say what it refused; @adhere/genesys's English messages (for developers) not shown for the common kinds.
import { afterAll, describe, expect, it } from 'vitest';
import { GenesysApiError, GenesysClientError } from '@adhere/genesys';
import { problemWords } from '../src/access/denied.js';
import { switchLocale } from '../src/i18n/i18n.js';

afterAll(() => switchLocale('en'));

const api = (status: number, message: string, errorCode = 'x') => new GenesysApiError({ status, errorCode, message });
const client = (code: ConstructorParameters<typeof GenesysClientError>[0], message: string) =>
  new GenesysClientError(code, message);

describe('problems in words', () => {
  it('says each kind in German, the library’s English left out, Genesys’s own words quoted', async () => {
    await switchLocale('de');
    expect(problemWords(client('timeout', 'GET /x timed out after 30000 ms'))).toBe(
      'Genesys Cloud hat nicht rechtzeitig geantwortet',
    );
    expect(problemWords(client('network_error', 'GET /x failed before a response'))).toBe(
      'Genesys Cloud war nicht erreichbar',
    );
    expect(problemWords(client('reauth_required', 'sign-in required: no valid access token'))).toBe(
      'die Anmeldung ist abgelaufen: Melden Sie sich erneut an',
    );
    expect(problemWords(api(429, 'Rate limit exceeded', 'too.many.requests.retry.after'))).toBe(
      'Genesys Cloud hat Adhere gebeten, langsamer zu machen (zu viele Anfragen)',
    );
    expect(problemWords(api(503, 'Service Unavailable'))).toBe('Genesys Cloud hatte ein Problem (HTTP 503)');
    expect(problemWords(api(400, 'endDate must be after startDate'))).toBe(
      'Genesys Cloud antwortete HTTP 400: „endDate must be after startDate“',
    );
    // A refusal names the permission, in Genesys's words.
    expect(problemWords(api(403, 'Missing wfm:realtimeAdherence:view', 'missing.any.permissions'))).toContain(
      'Missing wfm:realtimeAdherence:view',
    );
    expect(problemWords(client('query_failed', 'historical job j1 failed'))).toBe(
      'die Antwort von Genesys Cloud war nicht verwendbar (historical job j1 failed)',
    );
    // A copy of an error (as a worker posts it) is said by its name and code as well.
    const copy = Object.assign(new Error('GET /x timed out'), { name: 'GenesysClientError', code: 'timeout' });
    expect(problemWords(copy)).toBe('Genesys Cloud hat nicht rechtzeitig geantwortet');
    // Not Genesys's: its own message.
    expect(problemWords(new Error('something else'))).toBe('something else');
  });
});
