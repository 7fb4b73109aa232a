/**
 * @module What the agents on screen are doing now (issue 22, item 3): the interaction's media and since when, read
 * from Genesys's User model (see @adhere/genesys agent-now) for the rows a supervisor can see, not for 20,000.
 * A row asks while it is drawn; asks are gathered and sent at most once every `gapMs`, 100 agents a call, so a
 * busy board costs a request every couple of seconds at most. An answer holds until the agent's next record (a
 * new routing status means another interaction, or none).
 */
import { t } from '../i18n/i18n.js';
import { getAgentsNow, type AgentAdherence, type AgentNow, type GenesysClient } from '@adhere/genesys';
import { problemWords } from '../access/denied.js';

const BATCH = 100;
/** Stands for "no record": an answer held for it is older than any record. */
const STALE = { userId: '' } as AgentAdherence;

export class AgentNowStore {
  private readonly known = new Map<string, { record: AgentAdherence; now: AgentNow }>();
  private readonly asked = new Map<string, AgentAdherence>();
  private readonly inFlight = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastSent = -Infinity;
  private readonly listeners = new Set<() => void>();
  /** Why the last read failed, in words (the column says so); undefined once one succeeds. */
  problem: string | undefined;
  /** Grows with every answer: memos and renders can depend on it. */
  version = 0;

  constructor(
    private readonly client: GenesysClient,
    private readonly gapMs = 2000,
    private readonly clock: () => number = Date.now,
  ) {}

  /**
   * What Genesys said of the agent for this record, or undefined while not known; asks for it when the agent is
   * on an interaction and the record is newer than the answer held.
   */
  of(record: AgentAdherence): AgentNow | undefined {
    const held = this.known.get(record.userId);
    if (record.routingStatus !== 'INTERACTING') return undefined;
    if (held && held.record === record) return held.now;
    if (!this.inFlight.has(record.userId)) {
      this.asked.set(record.userId, record);
      this.schedule();
    }
    // The last answer still says how the interaction began while the new one is on its way, if it is the same one.
    return held && held.now.routingStatus === 'INTERACTING' ? held.now : undefined;
  }

  /**
   * Genesys said the agent's routing status or interactions changed (their user topics, heard by an open day
   * view): the answer held is asked again at the next drawing, and shown meanwhile.
   */
  refresh(userId: string): void {
    const held = this.known.get(userId);
    if (held) this.known.set(userId, { record: STALE, now: held.now });
    this.version++;
    for (const l of this.listeners) l();
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.listeners.clear();
    this.asked.clear();
  }

  private schedule(): void {
    if (this.timer) return;
    const wait = Math.max(0, this.lastSent + this.gapMs - this.clock());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.send();
    }, wait);
  }

  private async send(): Promise<void> {
    this.lastSent = this.clock();
    const batch = [...this.asked].slice(0, BATCH);
    for (const [id] of batch) {
      this.asked.delete(id);
      this.inFlight.add(id);
    }
    if (this.asked.size > 0) this.schedule();
    try {
      const answers = await getAgentsNow(
        this.client,
        batch.map(([id]) => id),
        { priority: 'low' },
      );
      const byId = new Map(answers.map((a) => [a.userId, a]));
      for (const [id, record] of batch) {
        const now = byId.get(id);
        if (now) this.known.set(id, { record, now });
      }
      this.problem = undefined;
    } catch (e) {
      this.problem = t('agentNow.problem', { problem: problemWords(e) });
    } finally {
      for (const [id] of batch) this.inFlight.delete(id);
      this.version++;
      for (const l of this.listeners) l();
    }
  }
}

/** "On a call" — the interaction in the words people use; undefined when Genesys named none. */
export function interactionWords(now: AgentNow): string | undefined {
  if (!now.media) return undefined;
  const more = now.activeInteractions - 1;
  return t('agentNow.on', { media: now.media, more });
}
