import { randomUUID } from 'node:crypto';

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

/** Thrown by handlers; turned into a Genesys error response by the API app. */
export class ApiProblem extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly params?: Record<string, string>, readonly headers?: Record<string, string>) {
    super(message);
  }
}

export const notFound = (what: string) => new ApiProblem(404, 'not.found', `${what} not found`);
export const badRequest = (code: string, message: string) => new ApiProblem(400, code, message);
