// The same start + complete with oauth4webapi (a certified client), doing what ours does:
// random verifier and state kept in sessionStorage by state, S256 challenge, callback validation, exchange.
import * as oauth from 'oauth4webapi';

const as: oauth.AuthorizationServer = {
  issuer: 'https://login.mypurecloud.ie',
  authorization_endpoint: 'https://login.mypurecloud.ie/oauth/authorize',
  token_endpoint: 'https://login.mypurecloud.ie/oauth/token',
};
const client: oauth.Client = { client_id: 'adhere-local' };
const redirectUri = `${location.origin}/callback`;

export async function signIn(): Promise<void> {
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  sessionStorage.setItem(`pkce.${state}`, verifier);
  const url = new URL(as.authorization_endpoint!);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', client.client_id);
  url.searchParams.set('redirect_uri', redirectUri);
  url.searchParams.set('code_challenge', await oauth.calculatePKCECodeChallenge(verifier));
  url.searchParams.set('code_challenge_method', 'S256');
  url.searchParams.set('state', state);
  location.assign(url.href);
}
export async function callback(): Promise<string> {
  const state = new URL(location.href).searchParams.get('state') ?? '';
  const verifier = sessionStorage.getItem(`pkce.${state}`) ?? '';
  sessionStorage.removeItem(`pkce.${state}`);
  const params = oauth.validateAuthResponse(as, client, new URL(location.href), state);
  const response = await oauth.authorizationCodeGrantRequest(as, client, oauth.None(), params, redirectUri, verifier);
  const result = await oauth.processAuthorizationCodeResponse(as, client, response);
  history.replaceState(null, '', redirectUri);
  return result.access_token;
}
