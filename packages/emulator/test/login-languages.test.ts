// Issue 21, item 2: the emulator's sign-in page in the browser's language (Accept-Language, as Genesys Cloud's
// login page), every word of it; English when none fits; a wrong password said in the same language.
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../src/index.js';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ agents: 10, clock: 'manual', startTime: Date.UTC(2026, 10, 26, 12) });
});
afterAll(() => emulator.close());

const authorize = (acceptLanguage?: string) => {
  const q = new URLSearchParams({
    response_type: 'code',
    client_id: 'adhere-local',
    redirect_uri: 'http://localhost:3000/callback',
    code_challenge: createHash('sha256').update(randomBytes(32).toString('base64url')).digest('base64url'),
    code_challenge_method: 'S256',
    state: 's',
  });
  return fetch(`${emulator.loginUrl}/oauth/authorize?${q}`, {
    headers: acceptLanguage ? { 'accept-language': acceptLanguage } : {},
  }).then((r) => r.text());
};

describe('the sign-in page’s language', () => {
  it.each([
    ['de-DE,de;q=0.9,en;q=0.8', 'de', 'Anmelden', 'Passwort'],
    ['ja', 'ja', 'サインイン', 'パスワード'],
    ['fr-CA,fr;q=0.9', 'fr', 'Connexion', 'Mot de passe'],
    ['pt-BR', 'pt-BR', 'Entrar', 'Senha'],
    ['es-419', 'es', 'Iniciar sesión', 'Contraseña'],
    ['ko-KR, de;q=0.5', 'de', 'Anmelden', 'Passwort'],
    ['ko-KR', 'en', 'Sign in', 'Password'],
    [undefined, 'en', 'Sign in', 'Password'],
    ['x'.repeat(10_000), 'en', 'Sign in', 'Password'],
  ])('%s → %s', async (header, lang, heading, password) => {
    const html = await authorize(header);
    expect(html).toContain(`<html lang="${lang}">`);
    expect(html).toContain(`<h1>${heading}</h1>`);
    expect(html).toContain(`<label for="password">${password}</label>`);
  });

  it('says a wrong password in the page’s language', async () => {
    const html = await authorize('ja');
    const login = /name="login" value="([^"]+)"/.exec(html)![1]!;
    const res = await fetch(`${emulator.loginUrl}/oauth/login`, {
      method: 'POST',
      headers: { 'accept-language': 'ja', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ login, email: 'supervisor@adhere.local', password: 'wrong' }),
    });
    expect(res.status).toBe(401);
    expect(await res.text()).toContain('メールアドレスまたはパスワードが正しくありません。');
  });
});
