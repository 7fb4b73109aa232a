import type { Topology } from './simulation/topology.js';

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
  'wfm:managementUnit:view',
  'groups:team:view',
  'presence:presenceDefinition:view',
];

/** The seeded sign-in accounts: one supervisor, and every simulated agent. */
export class Directory {
  private readonly byEmail = new Map<string, Account>();
  private readonly byId = new Map<string, Account>();

  constructor(topology: Topology) {
    const s = topology.supervisor;
    this.add({
      id: s.id,
      name: s.name,
      email: s.email,
      password: SUPERVISOR_PASSWORD,
      kind: 'supervisor',
      permissions: SUPERVISOR_PERMISSIONS,
    });
    for (const a of topology.agents)
      this.add({
        id: a.id,
        name: a.name,
        email: a.email,
        password: AGENT_PASSWORD,
        kind: 'agent',
        permissions: ['wfm:agentHistoricalAdherence:view'],
      });
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
