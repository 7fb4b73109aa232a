import * as oauth from 'oauth4webapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../src/index.js';
import { signInAt } from '@adhere/emulator/testing';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ agents: 50, clock: 'manual' });
});
afterAll(() => emulator.close());

describe('oauth4webapi (a certified client) against the emulator', () => {
  it('completes Authorization Code + PKCE and calls the API with the token', async () => {
    const as: oauth.AuthorizationServer = {
      issuer: emulator.loginUrl,
      authorization_endpoint: `${emulator.loginUrl}/oauth/authorize`,
      token_endpoint: `${emulator.loginUrl}/oauth/token`,
    };
    const client: oauth.Client = { client_id: 'adhere-local' };
    const redirectUri = 'http://localhost:3000/callback';
    const verifier = oauth.generateRandomCodeVerifier();
    const state = oauth.generateRandomState();
    const url = new URL(as.authorization_endpoint!);
    url.search = new URLSearchParams({
      response_type: 'code',
      client_id: client.client_id,
      redirect_uri: redirectUri,
      code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
    }).toString();

    const callback = await signInAt(url.href);
    const params = oauth.validateAuthResponse(as, client, new URL(callback), state);
    const response = await oauth.authorizationCodeGrantRequest(
      as,
      client,
      oauth.None(),
      params,
      redirectUri,
      verifier,
      { [oauth.allowInsecureRequests]: true },
    );
    const result = await oauth.processAuthorizationCodeResponse(as, client, response);
    expect(result.token_type).toBe('bearer');
    expect(result.expires_in).toBe(86399);

    const me = await fetch(`${emulator.apiUrl}/api/v2/users/me`, {
      headers: { Authorization: `Bearer ${result.access_token}` },
    });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { email: string }).email).toBe('supervisor@adhere.local');
  });

  it("oauth4webapi surfaces the emulator's invalid_grant for a wrong verifier", async () => {
    const as: oauth.AuthorizationServer = {
      issuer: emulator.loginUrl,
      authorization_endpoint: `${emulator.loginUrl}/oauth/authorize`,
      token_endpoint: `${emulator.loginUrl}/oauth/token`,
    };
    const client: oauth.Client = { client_id: 'adhere-local' };
    const verifier = oauth.generateRandomCodeVerifier();
    const url = new URL(as.authorization_endpoint!);
    url.search = new URLSearchParams({
      response_type: 'code',
      client_id: 'adhere-local',
      redirect_uri: 'http://localhost:3000/callback',
      code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state: 's',
    }).toString();
    const params = oauth.validateAuthResponse(as, client, new URL(await signInAt(url.href)), 's');
    const response = await oauth.authorizationCodeGrantRequest(
      as,
      client,
      oauth.None(),
      params,
      'http://localhost:3000/callback',
      oauth.generateRandomCodeVerifier(),
      { [oauth.allowInsecureRequests]: true },
    );
    const err = await oauth.processAuthorizationCodeResponse(as, client, response).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(oauth.ResponseBodyError);
    expect((err as oauth.ResponseBodyError).error).toBe('invalid_grant');
    expect(emulator.context.rejections.list().at(-1)?.reason).toBe('pkce_mismatch');
  });
});
