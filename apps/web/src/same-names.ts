/**
 * @module Telling apart people who share a name (issue 22, item 5): two "Maria Garcia" on one board, in one
 * history picker or one exception list must not look like one person. Only people whose name is shared get
 * anything added, and the least that tells them apart: their team when the team differs, else their email
 * (Genesys's `email`, what the org knows them by), else the start of their id while the email is not known.
 */

export interface Person {
  id: string;
  name: string;
  /** The team's name, where known. */
  team?: string | undefined;
  email?: string | undefined;
}

/** How much of an id tells people apart in practice, where nothing better is known. */
const ID_CHARS = 8;

const key = (name: string) => name.trim().toLocaleLowerCase();

/**
 * For each person whose name someone else in `people` has too: the words that tell them apart. People with a
 * name of their own are not in the map. Linear in the number of people.
 */
export function distinguishing(people: Iterable<Person>): Map<string, string> {
  const byName = groupByName(people);
  const out = new Map<string, string>();
  for (const same of byName.values()) {
    if (same.length < 2) continue;
    const teams = countBy(same, (p) => p.team);
    for (const p of same) {
      if (p.team && teams.get(p.team) === 1) out.set(p.id, p.team);
      else if (p.email) out.set(p.id, p.team ? `${p.team}, ${p.email}` : p.email);
      else out.set(p.id, p.team ? `${p.team}, id ${p.id.slice(0, ID_CHARS)}` : `id ${p.id.slice(0, ID_CHARS)}`);
    }
  }
  return out;
}

/**
 * Ids of the people whose name someone else in `people` has too and whose team does not tell them apart (the same
 * team as a namesake's, or none): only their emails are worth asking for. At 25,000 simulated agents half of them
 * share a name, nearly all in different teams: asking every namesake's email was 125 requests of the token's
 * 300 a minute, ahead of today's figures (issue 20's roll-up load). `team` here may be the team's id: two
 * different teams of one name are rare enough to be told apart by the start of the id instead.
 */
export function namesakes(people: Iterable<Person>): string[] {
  const byName = groupByName(people);
  const ids: string[] = [];
  for (const same of byName.values()) {
    if (same.length < 2) continue;
    const teams = countBy(same, (p) => p.team);
    for (const p of same) if (!p.team || teams.get(p.team)! > 1) ids.push(p.id);
  }
  return ids;
}

/** "Maria Garcia (Team 3)" where the name is shared, else the name alone: for titles, alerts and exports. */
export function withDistinction(name: string, words: string | undefined): string {
  return words ? `${name} (${words})` : name;
}

function groupByName(people: Iterable<Person>): Map<string, Person[]> {
  const byName = new Map<string, Person[]>();
  for (const p of people) {
    const k = key(p.name);
    if (!k) continue; // a name not known yet is no one's namesake
    const same = byName.get(k);
    if (same) same.push(p);
    else byName.set(k, [p]);
  }
  return byName;
}

function countBy<T>(items: readonly T[], keyOf: (item: T) => string | undefined): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) {
    const k = keyOf(item);
    if (k !== undefined) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}
