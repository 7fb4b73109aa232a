/**
 * @module The source catalogue (English): every key, as ICU MessageFormat. The other languages have exactly these
 * keys with the same arguments (i18n.test.ts), and use their glossary's words for the WFM terms (glossary.ts).
 */
export const en = {
  'nav.main': 'Main',
  'nav.liveBoard': 'Live board',
  'nav.allUnits': 'All units',
  'nav.history': 'History',
  'nav.myDay': 'My day',
  'nav.settings': 'Settings',
  'nav.noAccess': '(no access)',
  'nav.notAvailable': 'Not available to you: missing {missing}',
  'help.title': 'Help',
  'help.doctor': 'Sign-in Doctor',
  'help.doctorHint': 'for developers: explains why sign-in to Genesys Cloud fails',
  'help.role': 'What your role can see',
  'help.roleHint': 'the permissions Adhere uses, and which you have',
  signOut: 'Sign out',
  'theme.label': 'Theme',
  'theme.system': 'As the system',
  'theme.light': 'Light',
  'theme.dark': 'Dark',
  'settings.appearance': 'Appearance',
  'language.label': 'Language',
  'language.auto': '{source, select, genesys {As Genesys Cloud} other {As the browser}} ({name})',
  'language.hint':
    'Adherence figures, numbers, dates and times follow the language; activity codes keep the names your organisation gave them.',
  'language.malformed': '“{tag}” is not a language tag, so Adhere is shown in English.',
  'language.unsupported': 'Adhere does not speak “{tag}” yet, so it is shown in English.',
  'settings.title': 'Settings',
  'settings.lead': 'Your own choices, kept in this browser. What your role can see is under Access.',
  'settings.board': 'The board',
  'settings.alerts': 'Alerts',
  'settings.situations': 'Situations',
  'settings.access': 'Access',
  'settings.recheckLead':
    'Your permissions are read once when you sign in. If an administrator has changed your role since,',
  'settings.recheckButton': 'check again',
  'settings.signInFirst': 'Sign in to see which features your account and this app may use.',
  'board.agents': '{count, plural, one {# agent} other {# agents}}',
} as const;

export type MessageKey = keyof typeof en;
export type Catalogue = Record<MessageKey, string>;
