// Issue 22, item 5: two agents with the same name could not be told apart (board, history picker, exceptions).
import { describe, expect, it } from 'vitest';
import { distinguishing, namesakes, withDistinction } from '../src/same-names.js';

const id = (n: number) => `${String(n).padStart(8, '0')}-0000-4000-8000-000000000000`;

describe('telling namesakes apart', () => {
  it('adds nothing for a name of one’s own, and only for the people who share one', () => {
    const d = distinguishing([
      { id: id(1), name: 'Maria Garcia', team: 'Team 1' },
      { id: id(2), name: 'Maria Garcia', team: 'Team 2' },
      { id: id(3), name: 'Ken Ito', team: 'Team 1' },
    ]);
    expect([...d]).toEqual([
      [id(1), 'Team 1'],
      [id(2), 'Team 2'],
    ]);
  });

  it('says the email where the team does not tell them apart, and the id while the email is not known', () => {
    const d = distinguishing([
      { id: id(1), name: 'Maria Garcia', team: 'Team 1', email: 'mgarcia@example.com' },
      { id: id(2), name: ' maria garcia', team: 'Team 1', email: 'mgarcia2@example.com' },
      { id: id(3), name: 'Maria Garcia', team: 'Team 2' },
      { id: id(4), name: 'Ken Ito' },
      { id: id(5), name: 'Ken Ito' },
    ]);
    expect(d.get(id(1))).toBe('Team 1, mgarcia@example.com');
    expect(d.get(id(2))).toBe('Team 1, mgarcia2@example.com');
    expect(d.get(id(3))).toBe('Team 2');
    expect(d.get(id(4))).toBe('id 00000004');
    expect(d.get(id(5))).toBe('id 00000005');
    // Whatever is added, no two people read the same.
    const people = [1, 2, 3, 4, 5].map((n) => d.get(id(n)));
    expect(new Set(people).size).toBe(5);
  });

  it('names the namesakes to ask emails for; names not known yet are no one’s namesake', () => {
    expect(
      namesakes([
        { id: 'a', name: 'Maria Garcia' },
        { id: 'b', name: 'MARIA GARCIA' },
        { id: 'c', name: '' },
        { id: 'd', name: '' },
        { id: 'e', name: 'Ken Ito' },
      ]),
    ).toEqual(['a', 'b']);
  });

  it('asks no email where the team tells namesakes apart, and asks for those the team does not', () => {
    expect(
      namesakes([
        { id: 'a', name: 'Maria Garcia', team: 't1' },
        { id: 'b', name: 'Maria Garcia', team: 't2' },
        { id: 'c', name: 'Ken Ito', team: 't1' },
        { id: 'd', name: 'Ken Ito', team: 't1' },
        { id: 'e', name: 'Ken Ito', team: 't2' },
        { id: 'f', name: 'Ana Lima' },
        { id: 'g', name: 'Ana Lima', team: 't3' },
      ]),
    ).toEqual(['c', 'd', 'f']);
  });

  it('writes the name with what tells it apart, or alone', () => {
    expect(withDistinction('Maria Garcia', 'Team 2')).toBe('Maria Garcia (Team 2)');
    expect(withDistinction('Ken Ito', undefined)).toBe('Ken Ito');
  });

  it('tells 20,000 people apart when every name is shared', () => {
    const people = Array.from({ length: 20_000 }, (_, i) => ({
      id: id(i),
      name: `Name ${i % 100}`,
      team: `T${i % 7}`,
    }));
    const d = distinguishing(people);
    expect(d.size).toBe(20_000);
  });
});
