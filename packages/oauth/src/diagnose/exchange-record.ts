/** What a failed sign-in consisted of, in the shape diagnose() reads. Every part is optional. */
export interface ExchangeRecord {
  /** The URL the browser was sent to for login. */
  authorizeUrl?: string;
  /** The URL the login server sent the browser back to (its error and error_description are read). */
  callbackUrl?: string;
  tokenRequest?: {
    url: string;
    method?: string;
    headers?: Record<string, string> | Array<[string, string]>;
    /** Form-encoded text, JSON text, or an object of fields. */
    body?: string | Record<string, string>;
  };
  response?: {
    status?: number;
    body?: string | Record<string, unknown>;
  };
  /** The region the app is configured for (e.g. `eu_west_1`), to catch a request sent to another one. */
  region?: string;
}

export interface NormalizedTokenRequest {
  url: URL | undefined;
  rawUrl: string;
  method: string;
  /** Lower-cased header names. */
  headers: Map<string, string>;
  contentType: string | undefined;
  /** Body fields, whatever the encoding was. */
  fields: Map<string, string>;
  bodyEncoding: 'form' | 'json' | 'none' | 'other';
}

export function normalizeTokenRequest(req: NonNullable<ExchangeRecord['tokenRequest']>): NormalizedTokenRequest {
  const headers = new Map<string, string>();
  const entries = Array.isArray(req.headers) ? req.headers : Object.entries(req.headers ?? {});
  for (const [name, value] of entries) headers.set(name.toLowerCase(), String(value));
  const contentType = headers.get('content-type');
  let url: URL | undefined;
  try {
    url = new URL(req.url);
  } catch {
    url = undefined;
  }
  const fields = new Map<string, string>();
  let bodyEncoding: NormalizedTokenRequest['bodyEncoding'] = 'none';
  if (typeof req.body === 'object' && req.body !== null) {
    for (const [k, v] of Object.entries(req.body)) fields.set(k, String(v));
    bodyEncoding = contentType?.includes('json') ? 'json' : 'form';
  } else if (typeof req.body === 'string' && req.body.trim() !== '') {
    const text = req.body.trim();
    const json = text.startsWith('{') ? parseJsonObject(text) : undefined;
    if (json) {
      // Only text, numbers and booleans are field values; a nested object is named, not serialised (it may be 200,000 levels deep).
      for (const [k, v] of Object.entries(json))
        fields.set(k, typeof v === 'object' && v !== null ? '[object]' : String(v));
      bodyEncoding = 'json';
    } else if (/^[^=&\s]+=/.test(text)) {
      for (const [k, v] of new URLSearchParams(text)) fields.set(k, v);
      bodyEncoding = 'form';
    } else {
      bodyEncoding = 'other';
    }
  }
  return {
    url,
    rawUrl: req.url,
    method: (req.method ?? 'POST').toUpperCase(),
    headers,
    contentType,
    fields,
    bodyEncoding,
  };
}

export function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A value the input did not hold literally (code reading a variable): marked so that no check judges it,
 * and shown in findings as `<from name>`.
 */
export function unknownValue(source: string): string {
  return `\u0000unknown:${source.replace(/\u0000/g, '')}\u0000`;
}

export function isUnknownValue(value: string | undefined): boolean {
  return value !== undefined && value.includes('\u0000unknown:');
}

/** Text for findings: unknown markers become `<from name>`. */
export function displayValue(text: string): string {
  return text.replace(/\u0000unknown:([^\u0000]*)\u0000/g, '<from $1>');
}
