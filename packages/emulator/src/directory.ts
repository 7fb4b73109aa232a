import type { Topology } from './simulation/topology.js';
import { EmulatorError } from './errors.js';
import { userIdFor, type UserAccountInput } from './user-accounts.js';

/** A person who can sign in on the emulator's login page. */
export interface Account {
  id: string;
  name: string;
  email: string;
  password: string;
  kind: 'supervisor' | 'agent';
  permissions: string[];
}

export const SUPERVISOR_PASSWORD = 'supervisor';
export const AGENT_PASSWORD = 'agent';

const SUPERVISOR_PERMISSIONS = [
  'wfm:realtimeAdherence:view',
  'wfm:historicalAdherence:view',
  'wfm:agent:view',
  // Moving agents between units (the emulator's stand-in for an admin doing it in Genesys Cloud).
  'wfm:agent:edit',
  'wfm:managementUnit:view',
  'groups:team:view',
  'presence:presenceDefinition:view',
  'wfm:publishedSchedule:view',
  'wfm:adherenceExplanation:view',
  'wfm:adherenceExplanation:edit',
  'wfm:adherenceExplanation:add',
  'coaching:appointment:add',
  'coaching:appointment:view',
];

/** Partial roles, so that what a user lacks can be seen: real-time only, history only, and no WFM permission. */
const RESTRICTED_PERMISSIONS: Record<string, string[]> = {
  'rta@adhere.local': ['wfm:realtimeAdherence:view', 'groups:team:view'],
  'nowfm@adhere.local': ['groups:team:view'],
  // A common WFM analyst role: historical adherence only (which also lets it list business and management units).
  'analyst@adhere.local': ['wfm:historicalAdherence:view'],
};

/** Whether the account holds `wanted`; Genesys permissions may use `*` for a segment (`wfm:*:*`) or be `*`. */
export function holdsPermission(account: Account | undefined, wanted: string): boolean {
  const w = wanted.split(':');
  return (account?.permissions ?? []).some((held) => {
    if (held === '*' || held === wanted) return true;
    const h = held.split(':');
    return h.length === w.length && h.every((part, i) => part === '*' || part === w[i]);
  });
}

/** The seeded sign-in accounts: the supervisor, supervisors with partial roles, and every simulated agent. */
export class Directory {
  private readonly byEmail = new Map<string, Account>();
  private readonly byId = new Map<string, Account>();

  constructor(topology: Topology, users: readonly UserAccountInput[] = []) {
    const s = topology.supervisor;
    this.add({
      id: s.id,
      name: s.name,
      email: s.email,
      password: SUPERVISOR_PASSWORD,
      kind: 'supervisor',
      permissions: SUPERVISOR_PERMISSIONS,
    });
    for (const r of topology.restrictedSupervisors) {
      this.add({
        id: r.id,
        name: r.name,
        email: r.email,
        password: SUPERVISOR_PASSWORD,
        kind: 'supervisor',
        permissions: RESTRICTED_PERMISSIONS[r.email] ?? [],
      });
    }
    for (const a of topology.agents)
      this.add({
        id: a.id,
        name: a.name,
        email: a.email,
        password: AGENT_PASSWORD,
        kind: 'agent',
        // An agent's role: their own schedule, history and explanations (shared/context/genesys-next.md §3).
        permissions: [
          'wfm:agentHistoricalAdherence:view',
          'wfm:agentSchedule:view',
          'wfm:agentAdherenceExplanation:submit',
          'coaching:appointment:participate',
        ],
      });
    // Accounts from --users: supervisors of the seeded centre with exactly the permissions given.
    for (const u of users) {
      if (this.findByEmail(u.email))
        throw new EmulatorError('invalid_option', `users: ${u.email} is already a seeded account`);
      this.add({
        id: userIdFor(u.email),
        name: u.name,
        email: u.email,
        password: u.password,
        kind: 'supervisor',
        permissions: [...u.permissions],
      });
    }
  }

  private add(a: Account): void {
    this.byEmail.set(a.email.toLowerCase(), a);
    this.byId.set(a.id, a);
  }

  findByEmail(email: string): Account | undefined {
    return this.byEmail.get(email.trim().toLowerCase());
  }

  findById(id: string): Account | undefined {
    return this.byId.get(id);
  }
}
