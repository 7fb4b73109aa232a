/**
 * @module Whether the app runs inside Genesys Cloud, read once at start from the values Genesys puts into a client
 * app's URL (`{{gcHostOrigin}}`, `{{gcTargetEnv}}`, `{{gcLangTag}}`, `{{gcUsePopupAuth}}`; Client App SDK README,
 * `examples/urlInterpolationDemo.html`), and checked against the deployment's config before anything is sent to
 * that origin. A forged or missing value is refused with what was wrong, never followed: the host origin is
 * where toasts would be posted, so it must be the configured region's Genesys Cloud and nothing else.
 */
import { CLIENT_APP_TARGET_ENVS } from '@adhere/oauth';
import type { ResolvedConfig } from '../config.js';
import type { Message } from '../i18n/i18n.js';

export type Embedding =
  | { kind: 'standalone' }
  | {
      kind: 'embedded';
      /** The Genesys Cloud page that frames the app: the only origin messages go to and come from. */
      hostOrigin: string;
      targetEnv: string;
      /** `{{gcLangTag}}` as Genesys sent it (lower case, e.g. `pt-br`), when it was a language tag. */
      language: string | undefined;
      /** Genesys's value said something that was not a language tag (it is ignored, and this says what). */
      languageProblem: Message | undefined;
    }
  // Messages, not sentences: they are found before the page's language is chosen, and said in it afterwards.
  | { kind: 'refused'; problems: Message[] };

/** The integration URL an administrator enters in Genesys Cloud (the README's "Run inside Genesys Cloud"). */
export const URL_TEMPLATE_QUERY =
  '?gcHostOrigin={{gcHostOrigin}}&gcTargetEnv={{gcTargetEnv}}&gcLangTag={{gcLangTag}}&usePopupAuth={{gcUsePopupAuth}}';

/** Where a framed page keeps Genesys's values, so a reload of the frame on a deeper path still has them. */
const STORED_KEY = 'adhere.genesysHost';
const PARAMS = ['gcHostOrigin', 'gcTargetEnv', 'gcLangTag'] as const;
/** A BCP 47 tag is short; Genesys sends e.g. `en-us`, `zh-cn`. Longer is not a language tag. */
const MAX_TAG = 35;

export interface EmbeddingInput {
  href: string;
  config: ResolvedConfig;
  /** Whether the page is inside a frame (window.top !== window). */
  framed: boolean;
  /** The framing pages' origins, nearest first (location.ancestorOrigins, where the browser has it). */
  ancestorOrigins?: readonly string[] | undefined;
  /** The frame's sessionStorage (values kept from the first load), if any. */
  storage?: Pick<Storage, 'getItem' | 'setItem'> | undefined;
}

/** Shown values are cut: a forged value may be 10,000 characters. */
const shown = (value: string) => JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);

export function readEmbedding({ href, config, framed, ancestorOrigins, storage }: EmbeddingInput): Embedding {
  // Not framed: nothing is posted anywhere, whatever the address says; the values are simply not used.
  if (!framed) return { kind: 'standalone' };
  const expected = config.genesysHost;
  if (!expected)
    return {
      kind: 'refused',
      problems: [{ key: 'embed.notEmbeddable' }],
    };
  const values = hostValues(new URL(href).searchParams, storage);
  const problems: Message[] = [];
  const template = URL_TEMPLATE_QUERY;
  const hostOrigin = values.gcHostOrigin;
  if (!hostOrigin) problems.push({ key: 'embed.noHostOrigin', values: { template } });
  else if (canonicalOrigin(hostOrigin) !== expected.origin)
    problems.push({ key: 'embed.wrongHostOrigin', values: { value: shown(hostOrigin), expected: expected.origin } });
  const targetEnv = values.gcTargetEnv;
  const knownEnvs = Object.values(CLIENT_APP_TARGET_ENVS);
  if (!targetEnv) problems.push({ key: 'embed.noTargetEnv', values: { template } });
  else if (expected.targetEnv !== undefined ? targetEnv !== expected.targetEnv : !knownEnvs.includes(targetEnv))
    problems.push(
      expected.targetEnv
        ? { key: 'embed.wrongTargetEnv', values: { value: shown(targetEnv), expected: expected.targetEnv } }
        : { key: 'embed.unknownTargetEnv', values: { value: shown(targetEnv) } },
    );
  // The browser's own word on who frames the app, where it gives one, must agree with the address.
  const parent = ancestorOrigins?.[0];
  if (parent !== undefined && hostOrigin && parent !== canonicalOrigin(hostOrigin) && problems.length === 0)
    problems.push({ key: 'embed.framedBy', values: { parent, expected: expected.origin } });
  if (problems.length > 0 || !hostOrigin || !targetEnv) return { kind: 'refused', problems };
  try {
    storage?.setItem(STORED_KEY, JSON.stringify(values));
  } catch {
    // Storage refused: a reload of the frame on a deeper path will ask for the values again.
  }
  const { language, problem } = languageOf(values.gcLangTag);
  return { kind: 'embedded', hostOrigin: expected.origin, targetEnv, language, languageProblem: problem };
}

type HostValues = Partial<Record<(typeof PARAMS)[number], string>>;

/** From the address; else, when the address has none of them, the values this frame was first opened with. */
function hostValues(params: URLSearchParams, storage: EmbeddingInput['storage']): HostValues {
  const fromUrl: HostValues = {};
  for (const name of PARAMS) {
    const value = params.get(name);
    if (value !== null) fromUrl[name] = value;
  }
  if (Object.keys(fromUrl).length > 0) return fromUrl;
  try {
    const stored = JSON.parse(storage?.getItem(STORED_KEY) ?? 'null') as unknown;
    if (stored && typeof stored === 'object') {
      const out: HostValues = {};
      for (const name of PARAMS) {
        const value = (stored as Record<string, unknown>)[name];
        if (typeof value === 'string') out[name] = value;
      }
      return out;
    }
  } catch {
    // Unreadable: as if nothing was kept.
  }
  return {};
}

/** An origin as the browser writes it (scheme and host lower case, default port dropped), or undefined. */
function canonicalOrigin(value: string): string | undefined {
  if (value.length > 200 || !URL.canParse(value)) return undefined;
  const u = new URL(value);
  // An origin only: a path, query, fragment or credentials mean the value is something else.
  if (u.username || u.password || u.search || u.hash || (u.pathname !== '/' && u.pathname !== '')) return undefined;
  return value.replace(/\/$/, '').toLowerCase() === u.origin ? u.origin : undefined;
}

/** Genesys's language tag, checked as a BCP 47 tag; anything else is said, and English stays. */
function languageOf(tag: string | undefined): { language: string | undefined; problem: Message | undefined } {
  if (tag === undefined || tag === '') return { language: undefined, problem: undefined };
  if (tag.length <= MAX_TAG) {
    try {
      const [canonical] = Intl.getCanonicalLocales(tag);
      if (canonical) return { language: canonical, problem: undefined };
    } catch {
      // Not a tag: said below.
    }
  }
  return {
    language: undefined,
    problem: { key: 'embed.badLanguage', values: { tag: shown(tag) } },
  };
}
