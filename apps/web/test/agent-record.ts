// One agent's live adherence record for the board's tests: an agent on queue and in adherence, with what a test
// sets in its place.
import type { AgentAdherence } from '@adhere/genesys';

export function agentRecord(userId: string, t: number, patch: Partial<AgentAdherence> = {}): AgentAdherence {
  return {
    userId,
    managementUnitId: 'mu',
    teamId: 't',
    adherenceState: 'InAdherence',
    impact: 'Neutral',
    scheduledActivityCategory: 'OnQueueWork',
    scheduledActivityCodeId: '0',
    actualActivityCategory: 'OnQueueWork',
    systemPresence: 'OnQueue',
    routingStatus: 'IDLE',
    timeOfAdherenceChange: new Date(t).toISOString(),
    presenceUpdateTime: new Date(t).toISOString(),
    isOutOfOffice: false,
    removedFromManagementUnit: false,
    nextActivity: undefined,
    ...patch,
  };
}
