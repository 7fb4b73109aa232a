// The emulator's sign-in page: a real HTML form, so browser tests sign in the way a person does.

import { escapeHtml as escape } from '../html-escape.js';
import { LOGIN_WORDS, type LoginLanguage } from './login-words.js';

export interface LoginPageModel {
  loginId: string;
  clientName: string;
  error?: string;
  email?: string;
  seeded: Array<{ email: string; password: string; role: string }>;
  /** The page's language (from Accept-Language); English by default. */
  language?: LoginLanguage;
}

export function loginPage(m: LoginPageModel): string {
  const language = m.language ?? 'en';
  const w = LOGIN_WORDS[language];
  const seeded = m.seeded
    .map((s) => `<li><code>${escape(s.email)}</code> / <code>${escape(s.password)}</code> — ${escape(s.role)}</li>`)
    .join('');
  return `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escape(w.title)}</title><link rel="icon" href="data:,">
<style>
body{font:16px/1.5 system-ui,sans-serif;background:#f4f5f7;margin:0;display:grid;place-items:center;min-height:100vh}
main{background:#fff;padding:2rem 2.5rem;border-radius:8px;box-shadow:0 2px 12px #0002;width:min(26rem,90vw)}
h1{font-size:1.3rem;margin:0 0 .25rem}p.app{color:#555;margin:0 0 1.25rem}
label{display:block;font-weight:600;margin-top:.8rem}input{width:100%;box-sizing:border-box;padding:.5rem;font:inherit;border:1px solid #889;border-radius:4px}
button{margin-top:1.2rem;width:100%;padding:.6rem;font:inherit;font-weight:600;background:#ff4f1f;color:#fff;border:0;border-radius:4px;cursor:pointer}
button:focus-visible,input:focus-visible{outline:3px solid #1f6feb;outline-offset:2px}
.error{color:#a40000;background:#fde8e8;padding:.5rem;border-radius:4px}
details{margin-top:1.25rem;color:#444;font-size:.9rem}
</style></head>
<body><main>
<h1>${escape(w.heading)}</h1>
<p class="app">${escape(w.to)} <strong>${escape(m.clientName)}</strong> · Genesys Cloud emulator</p>
${m.error ? `<p class="error" role="alert">${escape(m.error)}</p>` : ''}
<form method="post" action="/oauth/login">
<input type="hidden" name="login" value="${escape(m.loginId)}">
<label for="email">${escape(w.email)}</label><input id="email" name="email" type="email" autocomplete="username" required value="${escape(m.email ?? '')}">
<label for="password">${escape(w.password)}</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">${escape(w.submit)}</button>
</form>
<details><summary>${escape(w.seeded)}</summary><ul>${seeded}</ul></details>
</main></body></html>`;
}

export function errorPage(title: string, detail: string, language: LoginLanguage = 'en'): string {
  return `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><title>${escape(title)}</title><link rel="icon" href="data:,"></head>
<body style="font:16px system-ui,sans-serif;max-width:40rem;margin:3rem auto"><h1>${escape(title)}</h1><p role="alert">${escape(detail)}</p></body></html>`;
}
