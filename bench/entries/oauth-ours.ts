// Start + complete a PKCE sign-in with @adhere/oauth, as a browser app would.
import { completeSignIn, startSignIn } from '@adhere/oauth';

const config = { clientId: 'adhere-local', redirectUri: `${location.origin}/callback`, region: 'mypurecloud.ie' };
export async function signIn(): Promise<void> {
  await startSignIn({ ...config, navigate: true });
}
export async function callback(): Promise<string> {
  const { tokens } = await completeSignIn(location.href, config);
  return tokens.accessToken;
}
