/**
 * @module Agents moved between management units (`POST /api/v2/workforcemanagement/agents`), and which unit each
 * agent was in when. Genesys keeps an agent's adherence with the unit the agent was in at the time ("schedule and
 * adherence information remains with the original management unit", shared/context/genesys-next.md §9), so a
 * unit's historical adherence counts each agent only for the time the agent was its member.
 *
 * The agent's simulated day itself does not change with a move (the person keeps working the same shift), so the
 * live state and the two units' figures always add up to the agent's own figures for the day.
 */
import type { Agent, ManagementUnit, Topology } from './topology.js';

interface Stay {
  managementUnitId: string;
  /** When the agent joined the unit (-Infinity: from the start). */
  from: number;
  /** When the agent left it (Infinity: still there). */
  to: number;
}

export class UnitMoves {
  /** Only moved agents have an entry; the others have been in their unit all along. */
  private readonly stays = new Map<string, Stay[]>();

  constructor(private readonly topology: Topology) {}

  /** Moves `agent` to `destination` at `at`: the unit, its business unit and a team of the unit (its last one). */
  move(agent: Agent, destination: ManagementUnit, at: number): void {
    const stays = this.staysOf(agent);
    stays[stays.length - 1]!.to = at;
    stays.push({ managementUnitId: destination.id, from: at, to: Infinity });
    this.stays.set(agent.id, stays);
    const oldTeam = this.topology.teamsById.get(agent.teamId);
    if (oldTeam) oldTeam.memberIds = oldTeam.memberIds.filter((id) => id !== agent.id);
    const team = this.topology.teams.filter((t) => t.managementUnitId === destination.id).at(-1);
    agent.managementUnitId = destination.id;
    agent.businessUnitId = destination.businessUnitId;
    if (team) {
      agent.teamId = team.id;
      team.memberIds.push(agent.id);
    }
  }

  /** The agents who were members of the unit at some time in [from, to), each with the spans of that time. */
  membersBetween(
    managementUnitId: string,
    from: number,
    to: number,
  ): Array<{ agent: Agent; within: Array<[number, number]> }> {
    const members: Array<{ agent: Agent; within: Array<[number, number]> }> = [];
    for (const agent of this.topology.agents) {
      const stays = this.stays.get(agent.id);
      if (!stays) {
        if (agent.managementUnitId === managementUnitId) members.push({ agent, within: [[from, to]] });
        continue;
      }
      const within = stays
        .filter((s) => s.managementUnitId === managementUnitId)
        .map((s) => [Math.max(from, s.from), Math.min(to, s.to)] as [number, number])
        .filter(([f, t]) => t > f);
      if (within.length) members.push({ agent, within });
    }
    return members;
  }

  /** Whether any agent has been moved (most emulators never move one: the plain filter is then enough). */
  get any(): boolean {
    return this.stays.size > 0;
  }

  private staysOf(agent: Agent): Stay[] {
    return this.stays.get(agent.id) ?? [{ managementUnitId: agent.managementUnitId, from: -Infinity, to: Infinity }];
  }
}
