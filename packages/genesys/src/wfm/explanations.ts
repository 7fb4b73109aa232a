/** @module Agents' adherence explanations (AdherenceExplanationResponse) for a business unit. */
import type { GenesysClient } from '../client.js';
import { request, type CallOptions } from '../http.js';
import { inlineOrDownload } from './inline-or-download.js';
import { apiPath } from '../api-path.js';
import { GenesysClientError } from '../errors.js';
import type { NotificationHub } from '../notifications/hub.js';
import { explanationJobsTopic, type ExplanationJobNotice } from '../notifications/topics.js';
import { awaitJob, jobEar } from './await-job.js';

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

interface Listing {
  entities?: AdherenceExplanation[];
}

/** BuQueryAdherenceExplanationsResponse / AgentQueryAdherenceExplanationsResponse. */
interface QueryResponse {
  result?: Listing;
  downloadUrl?: string;
  job?: { id?: string; status?: string };
}

/** AdherenceExplanationJob, as its job route answers. */
interface ExplanationJob {
  id?: string;
  status?: string;
  downloadUrl?: string;
  error?: { message?: string };
}

export interface ExplanationQueryOptions extends CallOptions {
  /** The tab's hub: a query Genesys answers later is heard completing on it (else its job is polled). */
  notifications?: NotificationHub;
  /** First poll of a job answered later (default 500 ms, growing ×1.5 to 5 s). */
  pollIntervalMs?: number;
}

/** Explanations that start in [startDate, endDate) in a business unit, optionally for some units or agents. */
export async function queryBusinessUnitExplanations(
  client: GenesysClient,
  businessUnitId: string,
  query: { startDate: string; endDate: string; managementUnitIds?: string[]; agentIds?: string[] },
  opts: ExplanationQueryOptions = {},
): Promise<AdherenceExplanation[]> {
  return answerOf(
    client,
    apiPath`/api/v2/workforcemanagement/businessunits/${businessUnitId}/adherence/explanations/query`,
    query,
    opts,
  );
}

/** One agent's explanations that start in [startDate, endDate). */
export async function queryAgentExplanations(
  client: GenesysClient,
  agentId: string,
  query: { startDate: string; endDate: string },
  opts: ExplanationQueryOptions = {},
): Promise<AdherenceExplanation[]> {
  return answerOf(
    client,
    apiPath`/api/v2/workforcemanagement/agents/${agentId}/adherence/explanations/query`,
    query,
    opts,
  );
}

/**
 * Genesys answers an explanation query inline (`result`), through the download service (`downloadUrl`), or
 * (202) with a job whose result "may come via notification": each is read to the same list.
 */
async function answerOf(
  client: GenesysClient,
  path: string,
  body: unknown,
  opts: ExplanationQueryOptions,
): Promise<AdherenceExplanation[]> {
  const { notifications, pollIntervalMs, ...callOpts } = opts;
  // Heard before asking: a job Genesys finishes at once is not missed.
  const ear = await jobEar(notifications, explanationJobsTopic, callOpts.signal);
  const res = await request<QueryResponse>(client, { method: 'POST', path, body, ...callOpts });
  const jobId = res?.job?.id;
  let answer: { result?: Listing; downloadUrl?: string } = res ?? {};
  if (!res?.result && !res?.downloadUrl && jobId && res.job?.status === 'Processing') {
    const failed = (job: { error?: { message?: string } | undefined }) =>
      new GenesysClientError(
        'query_failed',
        `Genesys could not finish the explanations query${job.error?.message ? `: ${job.error.message}` : ''}`,
      );
    const outcome = (job: ExplanationJob | ExplanationJobNotice): string | undefined => {
      if (job.status === 'Error') throw failed(job);
      if (job.status !== 'Complete') return undefined;
      if (typeof job.downloadUrl !== 'string')
        throw new GenesysClientError('invalid_response', 'the explanations job completed without a downloadUrl');
      return job.downloadUrl;
    };
    const downloadUrl = await awaitJob(
      client,
      {
        what: 'the explanations query',
        heard: (e) => (e.kind === 'explanationJob' && e.body.id === jobId ? outcome(e.body) : undefined),
        poll: {
          ask: async (signal) =>
            outcome(
              await request<ExplanationJob>(client, {
                path: apiPath`/api/v2/workforcemanagement/adherence/explanations/jobs/${jobId}`,
                signal,
              }),
            ),
          firstMs: pollIntervalMs ?? 500,
          maxMs: 5000,
        },
      },
      { signal: callOpts.signal, ear },
    );
    answer = { downloadUrl };
  }
  return entitiesOf(
    await inlineOrDownload<Listing>(
      client,
      answer,
      `the explanations query answered ${res?.job?.status ?? 'without a result'}`,
      callOpts,
    ),
  );
}

/** The listing's entities, checked to be a list (a malformed answer is said, not spread through the view). */
function entitiesOf(listing: Listing | undefined): AdherenceExplanation[] {
  const entities = listing?.entities ?? [];
  if (!Array.isArray(entities))
    throw new GenesysClientError('invalid_response', 'the explanations answer has no list of entities');
  return entities;
}

/**
 * One explanation as it stands now (GET …/agents/{agentId}/adherence/explanations/{id};
 * wfm:adherenceExplanation:view): read before a review, so a review never silently overturns another's.
 */
export async function getExplanation(
  client: GenesysClient,
  agentId: string,
  explanationId: string,
  opts: CallOptions = {},
): Promise<AdherenceExplanation> {
  const e = await request<AdherenceExplanation>(client, {
    path: apiPath`/api/v2/workforcemanagement/agents/${agentId}/adherence/explanations/${explanationId}`,
    ...opts,
  });
  if (typeof e?.id !== 'string' || !['Pending', 'Approved', 'Denied'].includes(e.status))
    throw new GenesysClientError('invalid_response', 'the explanation answer has no id or status');
  return e;
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

/** The signed-in agent's own explanations that start in [startDate, endDate) (Genesys answers these with a job). */
export async function queryMyExplanations(
  client: GenesysClient,
  query: { startDate: string; endDate: string },
  opts: ExplanationQueryOptions = {},
): Promise<AdherenceExplanation[]> {
  return answerOf(client, '/api/v2/workforcemanagement/adherence/explanations/query', query, opts);
}

/** What an explanation says: Genesys's only type is `Late`. */
export interface ExplanationInput {
  startDate: string;
  lengthMinutes: number;
  notes?: string;
}

/**
 * Adds an explanation: the agent's own (POST …/adherence/explanations, `wfm:agentAdherenceExplanation:submit`),
 * or, with `agentId` and a `status`, a supervisor's for an agent (POST …/agents/{agentId}/adherence/explanations,
 * `wfm:adherenceExplanation:add`). Genesys answers 202 with a job; resolves with the job's reference.
 */
export async function addExplanation(
  client: GenesysClient,
  input: ExplanationInput,
  opts: CallOptions & { agentId?: string; status?: ExplanationStatus } = {},
): Promise<{ jobId: string | undefined; status: string | undefined }> {
  const { agentId, status, ...callOpts } = opts;
  const res = await request<{ job?: { id?: string; status?: string } }>(client, {
    method: 'POST',
    path: agentId
      ? apiPath`/api/v2/workforcemanagement/agents/${agentId}/adherence/explanations`
      : '/api/v2/workforcemanagement/adherence/explanations',
    body: { type: 'Late', ...input, ...(status ? { status } : {}) },
    ...callOpts,
  });
  return { jobId: res?.job?.id, status: res?.job?.status };
}
