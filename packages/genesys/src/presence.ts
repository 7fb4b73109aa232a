/** @module The org's presence definitions: what an agent's organizationSecondaryPresenceId is called. */
import type { GenesysClient } from './client.js';
import { request, type CallOptions } from './http.js';

/** OrganizationPresenceDefinition, with its label in one language. */
export interface PresenceDefinition {
  id: string;
  /** 'System' for Genesys's own (one per system presence), 'User' for one the org added under it. */
  type: string | undefined;
  systemPresence: string | undefined;
  /** Its label in English (else any language it has): for logs and for code that names it once. */
  label: string;
  /** Its labels as the org wrote them, by Genesys's language key ("en_US", "de", "pt_BR"). */
  languageLabels: Readonly<Record<string, string>>;
}

interface Listing {
  entities?: Array<{
    id: string;
    type?: string;
    systemPresence?: string;
    languageLabels?: Record<string, string>;
  }>;
}

/**
 * The org's active presence definitions (GET /api/v2/presence/definitions; presence:presenceDefinition:view),
 * with every label the org gave each; `presenceLabel` picks one for a language.
 */
export async function listPresenceDefinitions(
  client: GenesysClient,
  opts: CallOptions = {},
): Promise<PresenceDefinition[]> {
  const res = await request<Listing>(client, { path: '/api/v2/presence/definitions', ...opts });
  return (res.entities ?? []).map((d) => {
    const languageLabels = d.languageLabels ?? {};
    const definition = { id: d.id, type: d.type, systemPresence: d.systemPresence, languageLabels, label: '' };
    return { ...definition, label: presenceLabel(definition, 'en-US') };
  });
}

/**
 * The definition's label in `language` (a BCP 47 tag, "pt-BR"). Genesys keys labels by its own language codes,
 * written with an underscore ("en_US", "pt_BR"; the SDK's OrganizationPresenceDefinition) or as a bare language
 * ("en", "de"), so both are tried, then the language alone, then any region of it, then English, then any label.
 */
export function presenceLabel(
  d: Pick<PresenceDefinition, 'id' | 'systemPresence' | 'languageLabels'>,
  language: string,
): string {
  const labels = d.languageLabels;
  const keys = Object.keys(labels);
  const find = (tag: string): string | undefined => {
    const [base = '', region] = tag.replace('_', '-').split('-');
    const exact = region ? [`${base}_${region.toUpperCase()}`, `${base}-${region.toUpperCase()}`] : [];
    for (const k of [...exact, base]) if (labels[k]) return labels[k];
    const sameBase = keys.find((k) => k.toLowerCase().split(/[-_]/)[0] === base.toLowerCase() && labels[k]);
    return sameBase === undefined ? undefined : labels[sameBase];
  };
  return find(language) ?? find('en-US') ?? Object.values(labels).find(Boolean) ?? d.systemPresence ?? d.id;
}
