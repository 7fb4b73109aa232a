import { useEffect, useState } from 'react';
import { createMemoryStorage, startSignIn } from '@adhere/oauth';
import type { Access } from '@adhere/genesys';
import { AccessTable } from '../access/AccessTable.js';
import type { ResolvedConfig } from '../config.js';

/** Region, client id, redirect URI, and the exact authorize URL this app sends people to. */
export function SettingsPage({
  config,
  access,
  signedIn,
  recheck,
}: {
  config: ResolvedConfig;
  access: Access | undefined;
  signedIn: boolean;
  /** Reads the user's permissions again (they are read once per sign-in). */
  recheck: () => void;
}) {
  const [authorizeUrl, setAuthorizeUrl] = useState<string>();
  useEffect(() => {
    // A throwaway transaction in memory: the URL is exact but for its one-time state and challenge.
    startSignIn({ ...config, storage: createMemoryStorage() }).then(
      (r) => setAuthorizeUrl(r.url),
      (e: Error) => setAuthorizeUrl(`(cannot build: ${e.message})`),
    );
  }, [config]);
  const rows: Array<[string, string]> = [
    ['Region', config.region ?? '(custom hosts)'],
    ['Login host', config.loginBaseUrl],
    ['API host', config.apiBaseUrl],
    ['Client id', config.clientId],
    ['Redirect URI', config.redirectUri],
    ['Token endpoint', `${config.loginBaseUrl}/oauth/token`],
  ];
  return (
    <section aria-labelledby="settings-title" className="settings">
      <h1 id="settings-title">Settings</h1>
      <dl>
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>
              <code>{v}</code>
            </dd>
          </div>
        ))}
      </dl>
      <h2>Authorize URL</h2>
      <p>
        <code className="wrap" data-testid="authorize-url">
          {authorizeUrl ?? '…'}
        </code>
      </p>
      <p>
        Set these in <code>config.json</code> beside the app:{' '}
        <code>{'{"region":"eu_west_1","clientId":"…","redirectUri":"https://…/callback"}'}</code>.
      </p>
      <h2>Your access</h2>
      {signedIn ? (
        <>
          <AccessTable access={access} />
          <p>
            Your permissions are read once when you sign in. If an administrator has changed your role since,{' '}
            <button type="button" onClick={recheck} disabled={!access}>
              check again
            </button>
            .
          </p>
        </>
      ) : (
        <p>Sign in to see which features your account and this app may use.</p>
      )}
    </section>
  );
}
