import { createRandom, hash32, seededUuid } from './random.js';

export interface BusinessUnit {
  id: string;
  name: string;
  timeZone: string;
  divisionId: string;
}
export interface ManagementUnit {
  id: string;
  name: string;
  businessUnitId: string;
  timeZone: string;
  /**
   * The unit's zone is carried by its business unit only (its own `timeZone` is absent from the API), as
   * Genesys moves it there ("Moving to Business Unit"): every second unit of a business unit.
   */
  zoneOnBusinessUnit: boolean;
}
export interface Team {
  id: string;
  name: string;
  managementUnitId: string;
  memberIds: string[];
}
export interface Agent {
  index: number;
  id: string;
  name: string;
  email: string;
  businessUnitId: string;
  managementUnitId: string;
  teamId: string;
  queueIds: string[];
  timeZone: string;
}
export interface Supervisor {
  id: string;
  name: string;
  email: string;
}

export interface Topology {
  seed: number;
  organizationId: string;
  businessUnits: BusinessUnit[];
  managementUnits: ManagementUnit[];
  teams: Team[];
  agents: Agent[];
  supervisor: Supervisor;
  /** Further sign-in accounts whose roles lack some permissions (the access preflight's cases). */
  restrictedSupervisors: Supervisor[];
  queues: { id: string; name: string }[];
  agentsById: Map<string, Agent>;
  teamsById: Map<string, Team>;
}

// Genesys limits: a business unit holds at most 5,000 agents and a management unit at most 1,500.
export const AGENTS_PER_BU = 5000;
/** Agents per management unit unless told otherwise (Genesys allows up to 1,500). */
export const AGENTS_PER_MU = 1000;
const AGENTS_PER_TEAM = 20;
const TIME_ZONES = ['Europe/London', 'America/New_York', 'America/Chicago', 'Australia/Sydney', 'Asia/Tokyo'];
const FIRST = [
  'Ava',
  'Ben',
  'Chloe',
  'Dev',
  'Elena',
  'Farid',
  'Grace',
  'Hiro',
  'Ines',
  'Jonas',
  'Kemi',
  'Liam',
  'Maya',
  'Noah',
  'Olga',
  'Priya',
  'Quinn',
  'Rosa',
  'Sven',
  'Tara',
  'Umar',
  'Vera',
  'Wei',
  'Ximena',
  'Yusuf',
  'Zoe',
];
const LAST = [
  'Adams',
  'Brown',
  'Costa',
  'Diaz',
  'Evans',
  'Fischer',
  'Garcia',
  'Hughes',
  'Ito',
  'Jensen',
  'Kowalski',
  'Lopez',
  'Moreau',
  'Nakamura',
  'Okafor',
  'Patel',
  'Quint',
  'Rossi',
  'Silva',
  'Tanaka',
  'Uddin',
  'Varga',
  'Walsh',
  'Xu',
  'Young',
  'Zhang',
];

// Kinds of seeded ids, so each entity kind draws from its own stream.
const enum IdKind {
  Org = 1,
  BusinessUnit,
  ManagementUnit,
  Team,
  Agent,
  Supervisor,
  Queue,
  Division,
}

/**
 * A middle initial, from a hash of its own (not the topology's random sequence, which would move every agent's
 * queues and teams): 26 × 26 names alone would give most agents of a 1,000-agent unit a namesake, where a real
 * directory has a few. A few remain, as in a real org, and the app must tell them apart (issue 22, item 5).
 */
function initialOf(seed: number, index: number): string {
  return `${String.fromCharCode(65 + (hash32(seed, index, 0x1a1) % 26))}.`;
}

export function buildTopology(
  seed: number,
  agentCount: number,
  agentsPerMu = AGENTS_PER_MU,
  agentsPerBu = AGENTS_PER_BU,
): Topology {
  const random = createRandom(hash32(seed, 0x70707));
  const businessUnits: BusinessUnit[] = [];
  const managementUnits: ManagementUnit[] = [];
  const teams: Team[] = [];
  const agents: Agent[] = [];
  const queues = Array.from({ length: 12 }, (_, i) => ({
    id: seededUuid(seed, IdKind.Queue, i),
    name: `Queue ${String.fromCharCode(65 + i)}`,
  }));
  const buCount = Math.max(1, Math.ceil(agentCount / agentsPerBu));
  let next = 0;
  for (let b = 0; b < buCount; b++) {
    const timeZone = TIME_ZONES[b % TIME_ZONES.length]!;
    const bu: BusinessUnit = {
      id: seededUuid(seed, IdKind.BusinessUnit, b),
      name: `${timeZone.split('/')[1]!.replace('_', ' ')} Contact Centre`,
      timeZone,
      divisionId: seededUuid(seed, IdKind.Division, 0),
    };
    businessUnits.push(bu);
    const buAgents = Math.min(agentsPerBu, agentCount - next);
    const muCount = Math.max(1, Math.ceil(buAgents / agentsPerMu));
    for (let m = 0; m < muCount; m++) {
      const muIndex = managementUnits.length;
      const mu: ManagementUnit = {
        id: seededUuid(seed, IdKind.ManagementUnit, muIndex),
        name: `${bu.name.split(' ')[0]} MU ${m + 1}`,
        businessUnitId: bu.id,
        timeZone,
        zoneOnBusinessUnit: m % 2 === 1,
      };
      managementUnits.push(mu);
      const muAgents = Math.floor(buAgents / muCount) + (m < buAgents % muCount ? 1 : 0);
      let team: Team | undefined;
      for (let a = 0; a < muAgents; a++) {
        if (a % AGENTS_PER_TEAM === 0) {
          const t = teams.length;
          team = {
            id: seededUuid(seed, IdKind.Team, t),
            name: `${mu.name} · Team ${Math.floor(a / AGENTS_PER_TEAM) + 1}`,
            managementUnitId: mu.id,
            memberIds: [],
          };
          teams.push(team);
        }
        const index = next++;
        const first = FIRST[Math.floor(random() * FIRST.length)]!;
        const last = LAST[Math.floor(random() * LAST.length)]!;
        const id = seededUuid(seed, IdKind.Agent, index);
        const q = Math.floor(random() * queues.length);
        agents.push({
          index,
          id,
          name: `${first} ${initialOf(seed, index)} ${last}`,
          email: `agent${String(index + 1).padStart(4, '0')}@adhere.local`,
          businessUnitId: bu.id,
          managementUnitId: mu.id,
          teamId: team!.id,
          queueIds: [queues[q]!.id, queues[(q + 1) % queues.length]!.id],
          timeZone,
        });
        team!.memberIds.push(id);
      }
    }
  }
  return {
    seed,
    organizationId: seededUuid(seed, IdKind.Org, 0),
    businessUnits,
    managementUnits,
    teams,
    agents,
    supervisor: {
      id: seededUuid(seed, IdKind.Supervisor, 0),
      name: 'Sam Supervisor',
      email: 'supervisor@adhere.local',
    },
    restrictedSupervisors: [
      { id: seededUuid(seed, IdKind.Supervisor, 1), name: 'Riley Realtime', email: 'rta@adhere.local' },
      { id: seededUuid(seed, IdKind.Supervisor, 2), name: 'Noa No-WFM', email: 'nowfm@adhere.local' },
      { id: seededUuid(seed, IdKind.Supervisor, 3), name: 'Ari Analyst', email: 'analyst@adhere.local' },
    ],
    queues,
    agentsById: new Map(agents.map((a) => [a.id, a])),
    teamsById: new Map(teams.map((t) => [t.id, t])),
  };
}
