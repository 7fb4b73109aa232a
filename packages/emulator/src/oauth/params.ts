/** @module Checks that the authorize and token endpoints apply alike to their parameters. */
import type { RejectionReason } from './rejections.js';

/** Longest parameter value accepted (a verifier is at most 128, a state or URI far less). */
export const MAX_PARAM_LENGTH = 2048;

export interface ParameterProblem {
  reason: Extract<RejectionReason, 'parameter_repeated' | 'parameter_too_long'>;
  name: string;
}

/** RFC 6749 §3.1 and §3.2: "Request and response parameters MUST NOT be included more than once"; and no huge values. */
export function parameterProblem(params: URLSearchParams): ParameterProblem | undefined {
  const seen = new Set<string>();
  for (const [name, value] of params) {
    if (seen.has(name)) return { reason: 'parameter_repeated', name };
    seen.add(name);
    if (value.length > MAX_PARAM_LENGTH) return { reason: 'parameter_too_long', name };
  }
  return undefined;
}
