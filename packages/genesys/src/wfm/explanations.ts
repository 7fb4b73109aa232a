/** @module Agents' adherence explanations (AdherenceExplanationResponse) for a business unit. */
import type { GenesysClient } from '../client.js';
import { request, type CallOptions } from '../http.js';
import { inlineOrDownload } from './inline-or-download.js';
import { apiPath } from '../api-path.js';

export type ExplanationStatus = 'Pending' | 'Approved' | 'Denied';

export interface AdherenceExplanation {
  id: string;
  agent: { id: string };
  managementUnit?: { id: string };
  businessUnit?: { id: string };
  type: string;
  status: ExplanationStatus;
  startDate: string;
  lengthMinutes: number;
  notes?: string;
  reviewedBy?: { id: string };
  reviewedDate?: string;
}

interface QueryResponse {
  result?: { entities?: AdherenceExplanation[] };
  downloadUrl?: string;
  job?: { id?: string; status?: string };
}

/** Explanations that start in [startDate, endDate) in a business unit, optionally for some units or agents. */
export async function queryBusinessUnitExplanations(
  client: GenesysClient,
  businessUnitId: string,
  query: { startDate: string; endDate: string; managementUnitIds?: string[]; agentIds?: string[] },
  opts: CallOptions = {},
): Promise<AdherenceExplanation[]> {
  const res = await request<QueryResponse>(client, {
    method: 'POST',
    path: apiPath`/api/v2/workforcemanagement/businessunits/${businessUnitId}/adherence/explanations/query`,
    body: query,
    ...opts,
  });
  const listing = await inlineOrDownload(
    client,
    res,
    `the explanations query answered ${res.job?.status ?? 'without a result'}`,
    opts,
  );
  return listing?.entities ?? [];
}

/** One agent's explanations that start in [startDate, endDate). */
export async function queryAgentExplanations(
  client: GenesysClient,
  agentId: string,
  query: { startDate: string; endDate: string },
  opts: CallOptions = {},
): Promise<AdherenceExplanation[]> {
  const res = await request<QueryResponse>(client, {
    method: 'POST',
    path: apiPath`/api/v2/workforcemanagement/agents/${agentId}/adherence/explanations/query`,
    body: query,
    ...opts,
  });
  const listing = await inlineOrDownload(client, res, 'the agent explanations query answered without a result', opts);
  return listing?.entities ?? [];
}

/**
 * A supervisor approves or declines an explanation (PATCH …/agents/{agentId}/adherence/explanations/{id}).
 * Genesys answers with a job; resolves once it is Complete (a job still Processing is reported as such).
 */
export async function reviewExplanation(
  client: GenesysClient,
  agentId: string,
  explanationId: string,
  status: ExplanationStatus,
  opts: CallOptions = {},
): Promise<{ jobId: string | undefined; status: string | undefined }> {
  const res = await request<{ job?: { id?: string; status?: string } }>(client, {
    method: 'PATCH',
    path: apiPath`/api/v2/workforcemanagement/agents/${agentId}/adherence/explanations/${explanationId}`,
    body: { status },
    ...opts,
  });
  return { jobId: res.job?.id, status: res.job?.status };
}
