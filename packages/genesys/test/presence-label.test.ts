// Issue 21, item 2: "presence names from Genesys's languageLabels". An org writes its own presences' labels per
// language; Genesys keys them by its language codes ("en_US", "pt_BR", or a bare "de"). The label shown is the
// page's language where the org wrote one, else English, else whatever it has: never nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '@adhere/emulator';
import { tokenFor } from '@adhere/emulator/testing';
import { createGenesysClient, listPresenceDefinitions, presenceLabel } from '@adhere/genesys';

const def = (languageLabels: Record<string, string>) => ({ id: 'p1', systemPresence: 'Away', languageLabels });

describe('a presence definition in the page’s language', () => {
  it.each([
    ['pt-BR', { en_US: 'Lunch', pt_BR: 'Almoço' }, 'Almoço'],
    ['pt-BR', { en_US: 'Lunch', 'pt-BR': 'Almoço' }, 'Almoço'],
    ['pt-BR', { en_US: 'Lunch', pt_PT: 'Almoço (PT)' }, 'Almoço (PT)'],
    ['de', { en_US: 'Lunch', de: 'Mittagessen' }, 'Mittagessen'],
    ['de', { en_US: 'Lunch', de_DE: 'Mittagessen' }, 'Mittagessen'],
    ['ja', { en_US: 'Lunch', de: 'Mittagessen' }, 'Lunch'],
    ['ja', { en: 'Lunch' }, 'Lunch'],
    ['fr', { es: 'Almuerzo' }, 'Almuerzo'],
    ['fr', { fr: '', en_US: 'Lunch' }, 'Lunch'],
    ['fr', {}, 'Away'],
  ])('%s from %j: %s', (language, labels, expected) => {
    expect(presenceLabel(def(labels), language)).toBe(expected);
  });
});

describe('the emulator’s org, read through the client', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ agents: 20, clock: 'manual' });
  });
  afterAll(() => emulator?.close());

  it('lists every label of each definition; its own presences in several languages, some left in English', async () => {
    const token = await tokenFor(emulator);
    const client = createGenesysClient({ apiBaseUrl: emulator.apiUrl, getAccessToken: () => token });
    const defs = await listPresenceDefinitions(client);
    const lunch = defs.find((d) => d.label === 'Lunch')!;
    expect(lunch.type).toBe('User');
    expect(presenceLabel(lunch, 'de')).toBe('Mittagessen');
    expect(presenceLabel(lunch, 'pt-BR')).toBe('Almoço');
    expect(presenceLabel(lunch, 'ja')).toBe('昼食');
    // One the org did not translate: English in every language.
    const untranslated = defs.find((d) => d.label === 'E-learning')!;
    expect(presenceLabel(untranslated, 'de')).toBe('E-learning');
  });
});
