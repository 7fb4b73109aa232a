// Issue 20, item 4 (bad input): an agent's explanation is checked before it is sent, each problem in words.
import { describe, expect, it } from 'vitest';
import { checkExplanation } from '../src/me/explanation-form.js';

const ZONE = 'Europe/London';
const DATE = '2026-11-26';
const NOW = Date.UTC(2026, 10, 26, 14, 0); // 14:00 in London (GMT in November)
const check = (startTime: string, minutes: string, notes: string) =>
  checkExplanation({ startTime, minutes, notes }, { timeZone: ZONE, date: DATE, now: NOW });

describe("an agent's explanation, checked", () => {
  it('becomes Genesys’s request: the start on the unit’s clock, whole minutes, the notes as typed', () => {
    const c = check('13:05', '20', '  Bus <b>late</b> 🚌 ');
    expect(c).toEqual({
      ok: true,
      start: Date.UTC(2026, 10, 26, 13, 5),
      // Markup and emoji are text: sent as typed (trimmed), shown as text.
      input: { startDate: '2026-11-26T13:05:00.000Z', lengthMinutes: 20, notes: 'Bus <b>late</b> 🚌' },
    });
  });

  it('reads the time on the unit’s clock, not the browser’s', () => {
    const c = checkExplanation(
      { startTime: '08:00', minutes: '10', notes: 'x' },
      { timeZone: 'America/New_York', date: DATE, now: NOW },
    );
    expect(c.ok && c.input.startDate).toBe('2026-11-26T13:00:00.000Z');
  });

  it.each([
    ['no notes', '13:00', '10', '   ', 'notes', /Say what happened/],
    ['10,000 characters', '13:00', '10', 'x'.repeat(10_000), 'notes', /1,000 characters \(this is 10,000\)/],
    ['a future time', '14:30', '10', 'x', 'startTime', /not all happened yet/],
    ['time running past now', '13:55', '10', 'x', 'startTime', /not all happened yet/],
    ['no time', '', '10', 'x', 'startTime', /like 09:30/],
    ['a time that is not one', '25:99', '10', 'x', 'startTime', /like 09:30/],
    ['no minutes', '13:00', '0', 'x', 'minutes', /whole minutes/],
    ['part minutes', '13:00', '2.5', 'x', 'minutes', /whole minutes/],
  ])('refuses %s, naming the field', (_, startTime, minutes, notes, field, says) => {
    const c = check(startTime, minutes, notes);
    expect(c.ok).toBe(false);
    if (!c.ok) expect(c.problems[field as 'notes']).toMatch(says);
  });
});
