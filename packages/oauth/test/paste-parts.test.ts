// The Doctor's one pass over a paste (issue 19, item 4): each part goes to its reader, and nothing is read twice.
import { describe, expect, it } from 'vitest';
import { splitPaste } from '../src/diagnose/paste-parts.js';

const RESPONSE = '{"error":"invalid_grant","error_description":"Bad verification code"}';

describe('splitPaste', () => {
  it('cuts a mixed paste into its parts, in one pass', () => {
    const text = [
      'the token request failed with 400:',
      RESPONSE,
      '',
      'my code:',
      'const v = makeVerifier();',
      "curl 'https://login.mypurecloud.com/oauth/token' \\",
      "  --data-raw 'grant_type=authorization_code'",
      'see https://login.mypurecloud.com/oauth/authorize?client_id=c&response_type=code for the login',
      'POST /oauth/token HTTP/1.1',
      'Host: login.mypurecloud.com',
      '',
      'grant_type=authorization_code',
      '',
      'Invoke-WebRequest -Uri "https://login.mypurecloud.com/oauth/token" `',
      '-Method "POST"',
      '',
      '{ "log": { "entries": [] } }',
      'done',
    ].join('\n');
    const parts = splitPaste(text);
    expect(parts.json.map((j) => j.value)).toEqual([JSON.parse(RESPONSE), { log: { entries: [] } }]);
    expect(parts.json[0]!.before).toBe('the token request failed with 400:');
    expect(parts.curl).toEqual({
      text: "curl 'https://login.mypurecloud.com/oauth/token' \\\n  --data-raw 'grant_type=authorization_code'",
      cmd: false,
    });
    expect(parts.authorizeUrl).toBe('https://login.mypurecloud.com/oauth/authorize?client_id=c&response_type=code');
    expect(parts.http).toBe(
      'POST /oauth/token HTTP/1.1\nHost: login.mypurecloud.com\n\ngrant_type=authorization_code\n',
    );
    expect(parts.powershell).toBe(
      'Invoke-WebRequest -Uri "https://login.mypurecloud.com/oauth/token" `\n-Method "POST"',
    );
    // Only what no other reader took is left for the code reader.
    expect(parts.rest.split('\n').filter((l) => l.trim())).toEqual([
      'the token request failed with 400:',
      'my code:',
      'const v = makeVerifier();',
      'see https://login.mypurecloud.com/oauth/authorize?client_id=c&response_type=code for the login',
      'done',
    ]);
  });

  it('a brace block that is code, not JSON, stays with the code', () => {
    const parts = splitPaste(
      'function f()\n{\n  return fetch(url, { method: "POST" });\n}\n{"error":"invalid_client"}',
    );
    expect(parts.json.map((j) => j.value)).toEqual([{ error: 'invalid_client' }]);
    expect(parts.rest).toBe('function f()\n{\n  return fetch(url, { method: "POST" });\n}');
  });

  it('hostile pastes are cut in one pass: unclosed braces, quotes that run past a line, 100,000 lines each', () => {
    const unclosed = splitPaste('{\n'.repeat(100_000));
    expect(unclosed.json).toEqual([]);
    expect(unclosed.rest.length).toBe(2 * 100_000 - 1);
    const quotes = splitPaste('{"a\n'.repeat(100_000) + RESPONSE);
    expect(quotes.json.map((j) => j.value)).toEqual([JSON.parse(RESPONSE)]);
    const nested = splitPaste(`${'['.repeat(50_000)}${']'.repeat(50_000)}\n${RESPONSE}`);
    expect(nested.json.map((j) => j.value)).toEqual([JSON.parse(RESPONSE)]);
  });
});
