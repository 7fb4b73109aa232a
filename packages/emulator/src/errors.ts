/** @module The emulator's one error family: every failure it throws is an EmulatorError with a stable code. */

export type EmulatorErrorCode =
  /** A clients.json (or a client passed in options) is not a valid OAuth client list. */
  | 'invalid_clients_file'
  /** A command-line option or an EmulatorOptions value is out of range or unknown. */
  | 'invalid_option'
  /** A `@adhere/emulator/testing` sign-in did not end with a token. */
  | 'sign_in_failed'
  /** A request handler refused a request; the Genesys error body carries `problem.code`. */
  | 'api_problem';

/** Base of every emulator error; `isEmulatorError` works across realms and bundles. */
export class EmulatorError extends Error {
  override name = 'EmulatorError';
  constructor(
    readonly code: EmulatorErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const NAMES = new Set(['EmulatorError', 'ClientRegistryError', 'CliUsageError', 'ApiProblem']);

export function isEmulatorError(value: unknown): value is EmulatorError {
  return value instanceof Error && NAMES.has(value.name) && typeof (value as { code?: unknown }).code === 'string';
}

/** clients.json could not be read or holds an invalid client. */
export class ClientRegistryError extends EmulatorError {
  override name = 'ClientRegistryError';
  constructor(message: string, options?: { cause?: unknown }) {
    super('invalid_clients_file', message, options);
  }
}

/** A command-line option the emulator cannot use. */
export class CliUsageError extends EmulatorError {
  override name = 'CliUsageError';
  constructor(message: string, options?: { cause?: unknown }) {
    super('invalid_option', message, options);
  }
}
