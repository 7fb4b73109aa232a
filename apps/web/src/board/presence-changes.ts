/**
 * @module The changes of presence made from this tab, per agent: the day view's audit lines. Kept for the tab's
 * life (not in storage: the record that counts is Genesys's own, in its audit log); a reload starts afresh.
 */
export interface PresenceChange {
  at: number;
  to: string;
  from: string;
}

class PresenceChanges {
  private readonly byAgent = new Map<string, PresenceChange[]>();

  of(userId: string): readonly PresenceChange[] {
    return this.byAgent.get(userId) ?? [];
  }

  /** Adds one; returns the agent's list, newest last. */
  add(userId: string, change: PresenceChange): readonly PresenceChange[] {
    const list = [...this.of(userId), change];
    this.byAgent.set(userId, list);
    return list;
  }
}

export const presenceChanges = new PresenceChanges();
