/** @module The org's presence definitions: what an agent's organizationSecondaryPresenceId is called. */
import type { GenesysClient } from './client.js';
import { request, type CallOptions } from './http.js';

/** OrganizationPresenceDefinition, with its label in one language. */
export interface PresenceDefinition {
  id: string;
  /** 'System' for Genesys's own (one per system presence), 'User' for one the org added under it. */
  type: string | undefined;
  systemPresence: string | undefined;
  label: string;
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
 * labelled in `locale` (Genesys's form, `en_US`), else English, else any label it has.
 */
export async function listPresenceDefinitions(
  client: GenesysClient,
  opts: CallOptions & { locale?: string } = {},
): Promise<PresenceDefinition[]> {
  const { locale = 'en_US', ...callOpts } = opts;
  const res = await request<Listing>(client, { path: '/api/v2/presence/definitions', ...callOpts });
  return (res.entities ?? []).map((d) => {
    const labels = d.languageLabels ?? {};
    return {
      id: d.id,
      type: d.type,
      systemPresence: d.systemPresence,
      label: labels[locale] ?? labels.en_US ?? Object.values(labels)[0] ?? d.systemPresence ?? d.id,
    };
  });
}
