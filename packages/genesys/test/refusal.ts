// What a call Genesys refuses rejects with: checked to be a GenesysApiError, and returned for its status and code.
import { expect } from 'vitest';
import { GenesysApiError } from '@adhere/genesys';

export async function refusal(p: Promise<unknown>): Promise<GenesysApiError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(GenesysApiError);
  return e as GenesysApiError;
}
