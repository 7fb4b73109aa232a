/**
 * @module The sign-in page's words in the languages Adhere speaks (issue 21, item 2), chosen from the browser's
 * Accept-Language as Genesys Cloud's own login page is; English when none fits. Roles of the seeded accounts are
 * said too: the list is read by whoever tries the emulator.
 */
export const LOGIN_LANGUAGES = ['en', 'es', 'pt-BR', 'fr', 'de', 'ja'] as const;
export type LoginLanguage = (typeof LOGIN_LANGUAGES)[number];

export type RoleKey = 'supervisor' | 'rta' | 'nowfm' | 'analyst' | 'agent';

export interface LoginWords {
  title: string;
  heading: string;
  /** Before the app's name. */
  to: string;
  email: string;
  password: string;
  submit: string;
  seeded: string;
  wrong: string;
  /** How long to wait, already said ("30 seconds": see waitWords). */
  throttled: (wait: string) => string;
  /** The units of a wait, by the language's plural rules. */
  units: Record<'second' | 'minute', { one: string; other: string }>;
  expiredTitle: string;
  expiredDetail: string;
  roles: Record<RoleKey, string>;
  /** "every agentNNNN@adhere.local works", after the first agent's name. */
  everyAgent: string;
}

/** "30 seconds", "1 minute", "30 秒": the number and its unit by the language's plural rules. */
export function waitWords(language: LoginLanguage, n: number, unit: 'second' | 'minute'): string {
  const forms = LOGIN_WORDS[language].units[unit];
  const word = new Intl.PluralRules(language).select(n) === 'one' ? forms.one : forms.other;
  // Japanese writes the counter against the number: 30秒.
  return language === 'ja' ? `${n}${word}` : `${n} ${word}`;
}

export const LOGIN_WORDS: Record<LoginLanguage, LoginWords> = {
  en: {
    title: 'Sign in · Genesys Cloud emulator',
    heading: 'Sign in',
    to: 'to',
    email: 'Email',
    password: 'Password',
    submit: 'Sign in',
    seeded: 'Seeded accounts',
    wrong: 'Email or password is wrong.',
    throttled: (wait) => `Too many wrong passwords from here. Try again in ${wait}.`,
    units: { second: { one: 'second', other: 'seconds' }, minute: { one: 'minute', other: 'minutes' } },
    expiredTitle: 'Sign-in expired',
    expiredDetail: 'This sign-in page is no longer valid. Go back to the app and sign in again.',
    roles: {
      supervisor: 'supervisor: sees every business unit',
      rta: 'supervisor with real-time adherence only (no history)',
      nowfm: 'supervisor with no WFM permission',
      analyst: 'WFM analyst with historical adherence only (no live board, no teams)',
      agent: 'agent',
    },
    everyAgent: 'every agentNNNN@adhere.local works',
  },
  es: {
    title: 'Iniciar sesión · emulador de Genesys Cloud',
    heading: 'Iniciar sesión',
    to: 'en',
    email: 'Correo electrónico',
    password: 'Contraseña',
    submit: 'Iniciar sesión',
    seeded: 'Cuentas de ejemplo',
    wrong: 'El correo electrónico o la contraseña no son correctos.',
    throttled: (wait) => `Demasiadas contraseñas incorrectas desde aquí. Vuelva a intentarlo en ${wait}.`,
    units: { second: { one: 'segundo', other: 'segundos' }, minute: { one: 'minuto', other: 'minutos' } },
    expiredTitle: 'El inicio de sesión caducó',
    expiredDetail: 'Esta página de inicio de sesión ya no es válida. Vuelva a la aplicación e inicie sesión de nuevo.',
    roles: {
      supervisor: 'supervisor: ve todas las unidades de negocio',
      rta: 'supervisor solo con adherencia en tiempo real (sin historial)',
      nowfm: 'supervisor sin permisos de WFM',
      analyst: 'analista de WFM solo con adherencia histórica (sin tablero en vivo ni equipos)',
      agent: 'agente',
    },
    everyAgent: 'sirve cualquier agentNNNN@adhere.local',
  },
  'pt-BR': {
    title: 'Entrar · emulador do Genesys Cloud',
    heading: 'Entrar',
    to: 'em',
    email: 'E-mail',
    password: 'Senha',
    submit: 'Entrar',
    seeded: 'Contas de exemplo',
    wrong: 'O e-mail ou a senha estão incorretos.',
    throttled: (wait) => `Muitas senhas incorretas a partir daqui. Tente novamente em ${wait}.`,
    units: { second: { one: 'segundo', other: 'segundos' }, minute: { one: 'minuto', other: 'minutos' } },
    expiredTitle: 'O login expirou',
    expiredDetail: 'Esta página de login não é mais válida. Volte ao aplicativo e entre novamente.',
    roles: {
      supervisor: 'supervisor: vê todas as unidades de negócios',
      rta: 'supervisor apenas com aderência em tempo real (sem histórico)',
      nowfm: 'supervisor sem permissão de WFM',
      analyst: 'analista de WFM apenas com aderência histórica (sem painel ao vivo, sem equipes)',
      agent: 'agente',
    },
    everyAgent: 'qualquer agentNNNN@adhere.local funciona',
  },
  fr: {
    title: 'Connexion · émulateur Genesys Cloud',
    heading: 'Connexion',
    to: 'à',
    email: 'Adresse e-mail',
    password: 'Mot de passe',
    submit: 'Se connecter',
    seeded: 'Comptes d’exemple',
    wrong: 'L’adresse e-mail ou le mot de passe est incorrect.',
    throttled: (wait) => `Trop de mots de passe erronés depuis ce poste. Réessayez dans ${wait}.`,
    units: { second: { one: 'seconde', other: 'secondes' }, minute: { one: 'minute', other: 'minutes' } },
    expiredTitle: 'Connexion expirée',
    expiredDetail: 'Cette page de connexion n’est plus valable. Revenez à l’application et reconnectez-vous.',
    roles: {
      supervisor: 'superviseur : voit toutes les unités commerciales',
      rta: 'superviseur avec l’adhérence en temps réel seulement (pas d’historique)',
      nowfm: 'superviseur sans autorisation WFM',
      analyst: 'analyste WFM avec l’adhérence historique seulement (ni tableau en direct, ni équipes)',
      agent: 'agent',
    },
    everyAgent: 'tout agentNNNN@adhere.local fonctionne',
  },
  de: {
    title: 'Anmelden · Genesys Cloud-Emulator',
    heading: 'Anmelden',
    to: 'bei',
    email: 'E-Mail',
    password: 'Passwort',
    submit: 'Anmelden',
    seeded: 'Beispielkonten',
    wrong: 'E-Mail-Adresse oder Passwort ist falsch.',
    throttled: (wait) => `Zu viele falsche Passwörter von hier. Versuchen Sie es in ${wait} erneut.`,
    units: { second: { one: 'Sekunde', other: 'Sekunden' }, minute: { one: 'Minute', other: 'Minuten' } },
    expiredTitle: 'Anmeldung abgelaufen',
    expiredDetail: 'Diese Anmeldeseite ist nicht mehr gültig. Kehren Sie zur App zurück und melden Sie sich erneut an.',
    roles: {
      supervisor: 'Supervisor: sieht alle Geschäftseinheiten',
      rta: 'Supervisor nur mit Echtzeit-Adhärenz (kein Verlauf)',
      nowfm: 'Supervisor ohne WFM-Berechtigung',
      analyst: 'WFM-Analyst nur mit historischer Adhärenz (kein Live-Board, keine Teams)',
      agent: 'Agent',
    },
    everyAgent: 'jedes agentNNNN@adhere.local funktioniert',
  },
  ja: {
    title: 'サインイン · Genesys Cloud エミュレーター',
    heading: 'サインイン',
    to: '接続先',
    email: 'メールアドレス',
    password: 'パスワード',
    submit: 'サインイン',
    seeded: 'サンプルアカウント',
    wrong: 'メールアドレスまたはパスワードが正しくありません。',
    throttled: (wait) => `この場所からの誤ったパスワードが多すぎます。${wait}後にもう一度お試しください。`,
    units: { second: { one: '秒', other: '秒' }, minute: { one: '分', other: '分' } },
    expiredTitle: 'サインインの有効期限が切れました',
    expiredDetail: 'このサインインページは無効になりました。アプリに戻って、もう一度サインインしてください。',
    roles: {
      supervisor: 'スーパーバイザー: すべてのビジネスユニットを表示',
      rta: 'リアルタイム遵守のみのスーパーバイザー (履歴なし)',
      nowfm: 'WFM 権限のないスーパーバイザー',
      analyst: '履歴遵守のみの WFM アナリスト (ライブボードなし、チームなし)',
      agent: 'エージェント',
    },
    everyAgent: 'agentNNNN@adhere.local はどれでも使えます',
  },
};

/** The best language for an Accept-Language header (quality order honoured); English when none fits. */
export function loginLanguage(acceptLanguage: string | undefined): LoginLanguage {
  // A header is short; a huge one is not read (nothing in it is needed beyond the first few tags).
  const ranked = (acceptLanguage ?? '')
    .slice(0, 1000)
    .split(',')
    .map((part, i) => {
      const [tag, ...params] = part.trim().split(';');
      const q = Number(
        params
          .find((p) => p.trim().startsWith('q='))
          ?.trim()
          .slice(2) ?? '1',
      );
      return { tag: (tag ?? '').toLowerCase(), q: Number.isFinite(q) ? q : 0, i };
    })
    .filter((x) => x.tag && x.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const { tag } of ranked) {
    const exact = LOGIN_LANGUAGES.find((l) => l.toLowerCase() === tag);
    if (exact) return exact;
    const byLanguage = LOGIN_LANGUAGES.find((l) => l.split('-')[0] === tag.split('-')[0]);
    if (byLanguage) return byLanguage;
  }
  return 'en';
}
