// Signs in through the emulator's real HTML login page, as a browser form post would.
export async function signInAt(authorizeUrl: string, email = 'supervisor@adhere.local', password = 'supervisor'): Promise<string> {
  const page = await fetch(authorizeUrl, { redirect: 'manual' });
  if (page.status !== 200) throw new Error(`authorize answered ${page.status} ${page.headers.get('location') ?? ''}`);
  const html = await page.text();
  const login = /name="login" value="([^"]+)"/.exec(html)?.[1];
  if (!login) throw new Error('no login form on the page');
  const res = await fetch(new URL('/oauth/login', authorizeUrl), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ login, email, password }),
  });
  const location = res.headers.get('location');
  if (res.status !== 302 || !location) throw new Error(`login answered ${res.status}`);
  return location;
}
