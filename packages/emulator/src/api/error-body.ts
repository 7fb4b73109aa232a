/** @module Genesys's ErrorBody, the ApiProblem that handlers throw, and factories for the bodies the API repeats. */
import { randomUUID } from 'node:crypto';
import { EmulatorError } from '../errors.js';

/** Genesys's ErrorBody: {message, code, status, messageWithParams, messageParams, contextId, details, errors}. */
export interface ErrorBody {
  message: string;
  code: string;
  status: number;
  messageWithParams?: string;
  messageParams?: Record<string, string>;
  contextId: string;
  details: unknown[];
  errors: unknown[];
}

export function errorBody(status: number, code: string, message: string, params?: Record<string, string>): ErrorBody {
  const body: ErrorBody = { message, code, status, contextId: randomUUID(), details: [], errors: [] };
  if (params) {
    body.messageParams = params;
    let template = message;
    for (const [k, v] of Object.entries(params)) template = template.replace(v, `{${k}}`);
    body.messageWithParams = template;
  }
  return body;
}

export interface ApiProblemExtras {
  params?: Record<string, string>;
  headers?: Record<string, string>;
}

/** Thrown by handlers; the API app turns it into a Genesys error response. `errorCode` is Genesys's `code`. */
export class ApiProblem extends EmulatorError {
  override name = 'ApiProblem';
  readonly params: Record<string, string> | undefined;
  readonly headers: Record<string, string> | undefined;
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
    extras: ApiProblemExtras = {},
  ) {
    super('api_problem', message);
    this.params = extras.params;
    this.headers = extras.headers;
  }

  body(): ErrorBody {
    return errorBody(this.status, this.errorCode, this.message, this.params);
  }
}

export const notFound = (what: string) => new ApiProblem(404, 'not.found', `${what} not found`);
export const badRequest = (code: string, message: string) => new ApiProblem(400, code, message);
export const managementUnitNotFound = () =>
  new ApiProblem(404, 'wfm.management.unit.not.found', 'The requested management unit was not found');
export const teamPermissionsMissing = () =>
  new ApiProblem(403, 'wfm.missing.team.permissions', 'You are missing permissions for the requested team');
export const jobNotFound = () => new ApiProblem(404, 'job.not.found', 'The requested job was not found');
export const notAUser = () =>
  new ApiProblem(
    400,
    'not.a.user',
    'This request requires a user context. Client credentials cannot be used for requests to this resource.',
  );
