import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '@adhere/emulator';
import { historicalTruth, tokenFor } from '@adhere/emulator/testing';
import {
  GenesysClientError,
  createGenesysClient,
  historicalAdherence,
  localDate,
  mergeHistoricalChunks,
  planHistoricalChunks,
  startOfDay,
  weekStart,
  zonedDays,
  zoneOffsetMs,
  type GenesysClient,
} from '@adhere/genesys';

describe('days in a time zone', () => {
  it("a zone's offset at any instant is Intl's own, on and around every clock change (cached by day)", () => {
    // Intl asked at the very instant for the offset by name ("GMT+05:45"): another way to the same answer.
    const formats = new Map<string, Intl.DateTimeFormat>();
    const direct = (zone: string, t: number) => {
      let f = formats.get(zone);
      if (!f) formats.set(zone, (f = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })));
      const name = f.formatToParts(t).find((p) => p.type === 'timeZoneName')!.value;
      const m = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(name)!;
      return m[1] ? (m[1] === '-' ? -1 : 1) * (+m[2]! * 60 + +m[3]!) * 60_000 : 0;
    };
    // Half-hour (Lord Howe) and three-quarter-hour (Chatham) changes among them.
    const zones = [
      'Europe/London',
      'America/New_York',
      'Australia/Sydney',
      'Australia/Lord_Howe',
      'Pacific/Chatham',
      'Asia/Kathmandu',
      'UTC',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 0, 1) }),
        (zone, t) => zoneOffsetMs(zone, t) === direct(zone, t),
      ),
      { numRuns: 3000 },
    );
    // Every five minutes of the two days around a change in each zone (the day's two ends differ there).
    for (const zone of zones)
      for (const day of [
        '2026-03-08',
        '2026-03-29',
        '2026-04-05',
        '2026-09-27',
        '2026-10-04',
        '2026-10-25',
        '2026-11-01',
      ])
        for (
          let t = Date.parse(`${day}T00:00:00Z`) - 86_400_000;
          t < Date.parse(`${day}T00:00:00Z`) + 86_400_000;
          t += 60_000
        )
          if (zoneOffsetMs(zone, t) !== direct(zone, t))
            expect([zone, new Date(t).toISOString(), zoneOffsetMs(zone, t)]).toEqual([
              zone,
              new Date(t).toISOString(),
              direct(zone, t),
            ]);
  });

  it('Europe/London 2026-10-25 is 25 hours; America/New_York 2026-03-08 is 23; Tokyo never changes', () => {
    expect(zonedDays('Europe/London', '2026-10-24', '2026-10-26').map((d) => d.hours)).toEqual([24, 25, 24]);
    expect(zonedDays('America/New_York', '2026-03-07', '2026-03-09').map((d) => d.hours)).toEqual([24, 23, 24]);
    expect(zonedDays('Australia/Sydney', '2026-04-04', '2026-04-05').map((d) => d.hours)).toEqual([24, 25]);
    expect(zonedDays('Asia/Tokyo', '2026-03-07', '2026-03-09').map((d) => d.hours)).toEqual([24, 24, 24]);
  });

  it('a day starts at local midnight: New York midnight is 05:00Z in winter and 04:00Z in summer', () => {
    expect(new Date(startOfDay('America/New_York', '2026-03-02')).toISOString()).toBe('2026-03-02T05:00:00.000Z');
    expect(new Date(startOfDay('America/New_York', '2026-07-01')).toISOString()).toBe('2026-07-01T04:00:00.000Z');
    expect(new Date(startOfDay('Europe/London', '2026-10-25')).toISOString()).toBe('2026-10-24T23:00:00.000Z');
    expect(new Date(startOfDay('Asia/Tokyo', '2026-01-01')).toISOString()).toBe('2025-12-31T15:00:00.000Z');
    expect(localDate('America/New_York', Date.parse('2026-03-02T04:59:59Z'))).toBe('2026-03-01');
    expect(localDate('America/New_York', Date.parse('2026-03-02T05:00:00Z'))).toBe('2026-03-02');
  });

  it('consecutive days meet exactly, across a change', () => {
    const days = zonedDays('America/New_York', '2026-03-01', '2026-03-31');
    for (let i = 1; i < days.length; i++) expect(days[i]!.start).toBe(days[i - 1]!.end);
    expect(days).toHaveLength(31);
  });

  it('weeks start on Monday; a malformed date is a typed error naming it', () => {
    expect(weekStart('2026-11-26')).toBe('2026-11-23');
    expect(weekStart('2026-11-23')).toBe('2026-11-23');
    expect(weekStart('2026-11-22')).toBe('2026-11-16');
    expect(() => startOfDay('UTC', '26/11/2026')).toThrow(GenesysClientError);
    expect(() => startOfDay('UTC', '26/11/2026')).toThrow(/26\/11\/2026/);
  });
});

describe('planning chunks', () => {
  it('7-day chunks with exceptions, 31-day without, each starting at local midnight', () => {
    const c = planHistoricalChunks('Europe/London', '2026-11-01', '2026-11-30', true);
    expect(c.map((x) => [x.from, x.to])).toEqual([
      ['2026-11-01', '2026-11-07'],
      ['2026-11-08', '2026-11-14'],
      ['2026-11-15', '2026-11-21'],
      ['2026-11-22', '2026-11-28'],
      ['2026-11-29', '2026-11-30'],
    ]);
    expect(planHistoricalChunks('Europe/London', '2026-01-01', '2026-03-31', false).map((x) => x.to)).toEqual([
      '2026-01-31',
      '2026-03-03',
      '2026-03-31',
    ]);
    const ny = planHistoricalChunks('America/New_York', '2026-06-01', '2026-06-01', true)[0]!;
    expect([ny.startDate, ny.endDate]).toEqual(['2026-06-01T04:00:00.000Z', '2026-06-02T04:00:00.000Z']);
  });

  it('a week holding a 25-hour day is one day shorter, so no chunk is over 7 × 24 hours', () => {
    const c = planHistoricalChunks('Europe/London', '2026-10-19', '2026-11-01', true);
    expect(c.map((x) => [x.from, x.to])).toEqual([
      ['2026-10-19', '2026-10-24'],
      ['2026-10-25', '2026-10-30'],
      ['2026-10-31', '2026-11-01'],
    ]);
    for (const x of c) expect(Date.parse(x.endDate) - Date.parse(x.startDate)).toBeLessThanOrEqual(7 * 86_400_000);
    // 23-hour days let a chunk hold all 7 days.
    const spring = planHistoricalChunks('America/New_York', '2026-03-02', '2026-03-08', true);
    expect(spring).toHaveLength(1);
  });

  it('an inverted range is a typed error', () => {
    expect(() => planHistoricalChunks('UTC', '2026-11-02', '2026-11-01', true)).toThrow(GenesysClientError);
  });
});

describe('merging chunks against the emulator', () => {
  let emulator: Emulator;
  let client: GenesysClient;
  beforeAll(async () => {
    emulator = await startEmulator({
      agents: 60,
      clock: 'manual',
      startTime: Date.UTC(2026, 10, 26, 12, 0),
      historicalDelayMs: 5,
    });
    const token = await tokenFor(emulator);
    client = createGenesysClient({ apiBaseUrl: emulator.apiUrl, getAccessToken: () => token, sleep: async () => {} });
  });
  afterAll(() => emulator.close());

  it('20 days across the London clock change, in 3 chunks, equal one pass over the range for every agent', async () => {
    const mu = emulator.centre.topology.managementUnits[0]!;
    const zone = 'Europe/London';
    const chunks = planHistoricalChunks(zone, '2026-10-15', '2026-11-03', true);
    expect(chunks).toHaveLength(3);
    const parts = [];
    for (const c of chunks) {
      const results = await historicalAdherence(client, {
        managementUnitId: mu.id,
        startDate: c.startDate,
        endDate: c.endDate,
        timeZone: zone,
        includeExceptions: true,
        includeActuals: true,
        pollIntervalMs: 1,
      });
      parts.push({ startDate: c.startDate, results });
    }
    const merged = mergeHistoricalChunks(chunks[0]!.startDate, parts);
    expect(merged.length).toBe(emulator.centre.topology.agents.filter((a) => a.managementUnitId === mu.id).length);
    for (const m of merged) {
      const truth = historicalTruth(emulator, m.userId, chunks[0]!.startDate, chunks[2]!.endDate, zone) as any;
      expect(m.adherencePercentage).toBe(truth.adherencePercentage);
      expect(m.conformancePercentage).toBe(truth.conformancePercentage);
      expect(m.impact).toBe(truth.impact);
      expect(m.days).toEqual(truth.dayMetrics);
      expect(m.exceptions.map((e) => [e.startOffsetSeconds, e.endOffsetSeconds, e.actualActivityCategory])).toEqual(
        truth.exceptionInfo.map((e: any) => [e.startOffsetSeconds, e.endOffsetSeconds, e.actualActivityCategory]),
      );
      expect(m.actuals).toEqual(truth.actuals);
    }
    // The 25-hour day really is 25 hours in the merged days.
    const sample = merged[0]!;
    const offsets = sample.days.map((d) => d.dayStartOffsetSeconds);
    const i = zonedDays(zone, '2026-10-15', '2026-11-03').findIndex((d) => d.date === '2026-10-25');
    expect(offsets[i + 1]! - offsets[i]!).toBe(25 * 3600);
  });
});
