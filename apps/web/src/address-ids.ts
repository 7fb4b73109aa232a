/**
 * @module Ids read from the address bar. An address is anyone's to write (a link in a chat, a bookmark edited
 * by hand), so every id in it is checked before the app uses it: a Genesys id is a UUID, and anything else is
 * dropped with a sentence that says so, instead of reaching an API path (`?agent=..` once sent the user's token
 * to another route). @adhere/genesys's apiPath refuses such ids too; this is where the view learns to say it.
 */
import { isGenesysId } from '@adhere/genesys';
import { t } from './i18n/i18n.js';

export interface AddressIds {
  businessUnitId: string | undefined;
  /** The valid ids of `mu` (comma-separated), in the address's order, without repeats. */
  managementUnitIds: string[];
  teamId: string | undefined;
  agentId: string | undefined;
  /** Today's timeline of a team (its id), or of the whole selection (`all`). */
  timeline: string | undefined;
  /** One plain sentence per id that was not used, for the view to show. */
  problems: string[];
}

// What each parameter names, as the catalogue's message selects it.
const WHAT = { bu: 'bu', mu: 'mu', team: 'team', agent: 'agent', timeline: 'team' } as const;

/** Reads `bu`, `mu`, `team`, `agent` and `timeline`; ids are lower-cased (Genesys's own spelling). */
export function readAddressIds(params: URLSearchParams): AddressIds {
  const problems: string[] = [];
  const one = (key: keyof typeof WHAT): string | undefined => {
    const value = params.get(key);
    if (value === null || value === '') return undefined;
    if (isGenesysId(value)) return value.toLowerCase();
    problems.push(refused(key, value));
    return undefined;
  };
  const units: string[] = [];
  for (const value of (params.get('mu') ?? '').split(',').filter(Boolean)) {
    if (!isGenesysId(value)) problems.push(refused('mu', value));
    else if (!units.includes(value.toLowerCase())) units.push(value.toLowerCase());
  }
  return {
    businessUnitId: one('bu'),
    managementUnitIds: units,
    teamId: one('team'),
    agentId: one('agent'),
    timeline: params.get('timeline') === 'all' ? 'all' : one('timeline'),
    problems,
  };
}

function refused(key: keyof typeof WHAT, value: string): string {
  const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return t('address.refused', { what: WHAT[key], value: shown });
}
