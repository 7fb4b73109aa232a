import { useEffect, useState } from 'react';

/** The app's routes are plain paths; navigation is history.pushState, so no router dependency. */
export function navigate(path: string, replace = false): void {
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

export function useLocation(): URL {
  const [href, setHref] = useState(location.href);
  useEffect(() => {
    const update = () => setHref(location.href);
    window.addEventListener('popstate', update);
    return () => window.removeEventListener('popstate', update);
  }, []);
  return new URL(href);
}

/** Only a path on this origin may be returned to after sign-in: no open redirect. */
export function safeReturnPath(candidate: string | undefined): string {
  if (!candidate || !candidate.startsWith('/') || candidate.startsWith('//') || candidate.startsWith('/\\')) return '/';
  try {
    const url = new URL(candidate, location.origin);
    return url.origin === location.origin && url.pathname !== '/callback' ? url.pathname + url.search + url.hash : '/';
  } catch {
    return '/';
  }
}
