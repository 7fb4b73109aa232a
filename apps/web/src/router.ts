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
export function safeReturnPath(candidate: string | undefined, origin: string = location.origin): string {
  if (!candidate || !candidate.startsWith('/') || candidate.startsWith('//') || candidate.startsWith('/\\')) return '/';
  try {
    const url = new URL(candidate, origin);
    const path = url.pathname + url.search + url.hash;
    // Dot segments collapse after the check above ("/.//evil.com" → "//evil.com"): a result that starts
    // with two slashes (or a backslash) is a protocol-relative URL to another host.
    if (url.origin !== origin || url.pathname === '/callback' || /^\/[/\\]/.test(path)) return '/';
    return path;
  } catch {
    return '/';
  }
}
