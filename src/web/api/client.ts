import type { EntityRef } from '../entities/entity-ref';
import { activeToken, currentSession, sessionHeaders, signOut } from '../session/session';
import type { MeResponse } from './access-types';
import type {
  EntitiesResponse,
  EntityResponse,
  EntityType,
  ExtractionResponse,
  GraphResponse,
  PlacesResponse,
  ReuseResponse,
  TimelineResponse,
} from './analysis-types';
import type { QueueStatus } from './queue-types';
import type {
  ApiErrorDetail,
  DocumentResponse,
  IngestJob,
  IngestRun,
  LoggedFailure,
  SearchResponse,
  StoreStats,
} from './types';
import type {
  AssessedClaim,
  ClaimsResponse,
  EntityDecisionInput,
  EntityDecisionResponse,
  GradeInput,
  Hypothesis,
  HypothesisWorkspace,
  Mark,
  RecordedGrade,
  RecordedMark,
  ResolvedEntitiesResponse,
  ResolvedEntityResponse,
} from './workbench-types';

/**
 * How many entries of each list a claim's page asks for: the most carried claim of 100,000
 * e-mails has 7,322 members and 14,767 reasons (7.9 MB), more than a page can render.
 */
export const CLAIM_PAGE_LISTS = 200;

/** An error the API answered with (or a network failure), with the hint to show the user. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly hint: string | null;

  constructor(status: number, detail: ApiErrorDetail) {
    super(detail.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = detail.code;
    this.hint = detail.hint;
  }
}

function isErrorBody(value: unknown): value is { error: ApiErrorDetail } {
  return (
    typeof value === 'object' &&
    value !== null &&
    'error' in value &&
    typeof (value as { error: { message?: unknown } }).error?.message === 'string'
  );
}

function toApiError(status: number, body: unknown): ApiError {
  return isErrorBody(body)
    ? new ApiError(status, body.error)
    : new ApiError(status, {
        code: 'INTERNAL',
        message: `The server answered ${status}`,
        hint: 'Check that `crosscheck serve` is still running.',
      });
}

/**
 * A 401 to a request made with the stored token: the token was revoked or the server forgot it.
 * Back to the sign-in screen, saying why, instead of leaving every screen showing errors.
 */
function endSessionOn401(status: number, body: unknown, sentToken: string | null): void {
  if (status !== 401 || sentToken === null || currentSession().token !== sentToken) return;
  const reason = isErrorBody(body) ? body.error.message : 'The server no longer accepts your token';
  signOut(`You were signed out: ${reason}. Sign in again with a valid API token.`);
}

/**
 * Every request the UI makes goes through here (or through `upload`, which adds the same
 * headers): the one place that says who is asking and about which collection.
 */
async function send(path: string, init: RequestInit): Promise<Response> {
  const signal = init.signal ?? undefined;
  try {
    return await fetch(path, { ...init, headers: { ...sessionHeaders(), ...init.headers } });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, {
      code: 'UNREACHABLE',
      message: 'The Crosscheck server cannot be reached',
      hint: 'Check that `crosscheck serve` is still running.',
    });
  }
}

async function requestJson<T>(path: string, init: RequestInit): Promise<T> {
  const sentToken = activeToken();
  const response = await send(path, {
    ...init,
    headers: { accept: 'application/json', ...init.headers },
  });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    endSessionOn401(response.status, body, sentToken);
    throw toApiError(response.status, body);
  }
  return body as T;
}

/** The file name a download's Content-Disposition gives, or `fallback`. */
function attachmentName(response: Response, fallback: string): string {
  const header = response.headers.get('content-disposition') ?? '';
  return /filename="([^"]+)"/.exec(header)?.[1] ?? fallback;
}

const getJson = <T>(path: string, signal?: AbortSignal) =>
  requestJson<T>(path, { signal: signal ?? null });

/** The analyst's decisions: JSON in, the recorded decision out. */
const postJson = <T>(path: string, body: object) =>
  requestJson<T>(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

export interface ClaimListParams {
  about: string;
  document: string;
  shared: boolean;
  offset: number;
  limit: number;
}

function claimsQuery(params: Partial<ClaimListParams>): string {
  const query = new URLSearchParams();
  if (params.about) query.set('about', params.about);
  if (params.document) query.set('document', params.document);
  if (params.shared) query.set('shared', 'true');
  if (params.limit) query.set('limit', String(params.limit));
  if (params.offset) query.set('offset', String(params.offset));
  return query.toString();
}

/** A 404 is an answer here (nothing extracted yet), not a failure. */
async function orNullWhenMissing<T>(request: Promise<T>): Promise<T | null> {
  try {
    return await request;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

export interface SearchParams {
  q: string;
  lang: string[];
  type: string[];
  from: string;
  to: string;
  /** Resolved entity ids (all must be mentioned); absent when none is chosen. */
  entity?: string[];
  /** Sources (any of them); absent when none is chosen. */
  source?: string[];
  offset: number;
  limit: number;
}

export function searchQueryString(params: SearchParams): string {
  const query = new URLSearchParams({ q: params.q });
  if (params.lang.length) query.set('lang', params.lang.join(','));
  if (params.type.length) query.set('type', params.type.join(','));
  if (params.from) query.set('from', params.from);
  if (params.to) query.set('to', params.to);
  // Repeated, never comma-joined: ids and sources may contain commas.
  for (const entity of params.entity ?? []) query.append('entity', entity);
  for (const source of params.source ?? []) query.append('source', source);
  query.set('limit', String(params.limit));
  if (params.offset) query.set('offset', String(params.offset));
  return query.toString();
}

interface EntityPageParams {
  type: EntityType | null;
  q: string;
  offset: number;
  limit: number;
}

/** One page of an entity list, as both entity routes take it. */
function entityPageQuery(params: EntityPageParams): URLSearchParams {
  const query = new URLSearchParams({ limit: String(params.limit), offset: String(params.offset) });
  if (params.type) query.set('type', params.type);
  if (params.q) query.set('q', params.q);
  return query;
}

export const api = {
  /**
   * The signed-in account and its collections. It also tells the modes apart: an embedded server
   * has no such route (404), a multi-user one answers 401 until a valid token is sent. `token`:
   * one to try instead of the stored one (the sign-in form).
   */
  me: (token: string | null, signal?: AbortSignal) =>
    requestJson<MeResponse>('/api/me', {
      signal: signal ?? null,
      headers: token ? { authorization: `Bearer ${token}` } : {},
    }),

  /**
   * Fetches a download with the session's headers, for servers that need them (a plain
   * `<a download>` cannot send any), as a Blob with the file name the server gives it.
   */
  async download(href: string, fallbackName: string): Promise<{ blob: Blob; name: string }> {
    const sentToken = activeToken();
    const response = await send(href, {});
    if (!response.ok) {
      const body: unknown = await response.json().catch(() => null);
      endSessionOn401(response.status, body, sentToken);
      throw toApiError(response.status, body);
    }
    return { blob: await response.blob(), name: attachmentName(response, fallbackName) };
  },

  search: (params: SearchParams, signal?: AbortSignal) =>
    getJson<SearchResponse>(`/api/search?${searchQueryString(params)}`, signal),
  document: (id: string, signal?: AbortSignal) =>
    getJson<DocumentResponse>(`/api/documents/${encodeURIComponent(id)}`, signal),
  stats: (signal?: AbortSignal) => getJson<StoreStats>('/api/stats', signal),
  failures: (signal?: AbortSignal) => getJson<LoggedFailure[]>('/api/failures?limit=200', signal),
  runs: (signal?: AbortSignal) => getJson<IngestRun[]>('/api/runs?limit=20', signal),
  /** The distributed-ingest queue, or null when this server has no such route (an older one). */
  queue: (signal?: AbortSignal) => orNullWhenMissing(getJson<QueueStatus>('/api/queue', signal)),
  job: (id: string, signal?: AbortSignal) =>
    getJson<IngestJob>(`/api/ingest/jobs/${encodeURIComponent(id)}`, signal),

  /** What extraction found in a document, or null when it has not been extracted yet. */
  extraction: (id: string, signal?: AbortSignal) =>
    orNullWhenMissing(
      getJson<ExtractionResponse>(`/api/documents/${encodeURIComponent(id)}/extraction`, signal),
    ),
  reuse: (id: string, signal?: AbortSignal) =>
    getJson<ReuseResponse>(`/api/documents/${encodeURIComponent(id)}/reuse`, signal),
  timeline: (signal?: AbortSignal) => getJson<TimelineResponse>('/api/timeline', signal),
  places: (signal?: AbortSignal) => getJson<PlacesResponse>('/api/places', signal),
  entities: (params: EntityPageParams, signal?: AbortSignal) =>
    getJson<EntitiesResponse>(`/api/entities?${entityPageQuery(params)}`, signal),
  entity: (ref: EntityRef, signal?: AbortSignal) =>
    getJson<EntityResponse>(`/api/entities/${ref.type}/${encodeURIComponent(ref.name)}`, signal),
  graph: (
    params: { type: EntityType | null; limit: number; from?: string; to?: string },
    signal?: AbortSignal,
  ) => {
    const query = new URLSearchParams({ limit: String(params.limit) });
    if (params.type) query.set('type', params.type);
    if (params.from) query.set('from', params.from);
    if (params.to) query.set('to', params.to);
    return getJson<GraphResponse>(`/api/graph?${query}`, signal);
  },

  claims: (params: Partial<ClaimListParams>, signal?: AbortSignal) =>
    getJson<ClaimsResponse>(`/api/claims?${claimsQuery(params)}`, signal),
  /** The first CLAIM_PAGE_LISTS members, documents, links and reasons: what one page can show. */
  claim: (id: string, signal?: AbortSignal) =>
    getJson<AssessedClaim>(
      `/api/claims/${encodeURIComponent(id)}?first=${CLAIM_PAGE_LISTS}`,
      signal,
    ),
  gradeClaim: (id: string, grade: GradeInput) =>
    postJson<RecordedGrade>(`/api/claims/${encodeURIComponent(id)}/grades`, grade),

  resolvedEntities: (params: { q: string; type: EntityType | null }, signal?: AbortSignal) => {
    const query = new URLSearchParams({ limit: '10' });
    if (params.q) query.set('q', params.q);
    if (params.type) query.set('type', params.type);
    return getJson<ResolvedEntitiesResponse>(`/api/resolved-entities?${query}`, signal);
  },
  /** A page of resolved entities, most documents first (the entity list). */
  resolvedEntityPage: (params: EntityPageParams, signal?: AbortSignal) =>
    getJson<ResolvedEntitiesResponse>(`/api/resolved-entities?${entityPageQuery(params)}`, signal),
  /** The resolved entity with this id or name, or null when none has it (or none is resolved). */
  findResolvedEntity: (idOrName: string, signal?: AbortSignal) =>
    orNullWhenMissing(
      getJson<ResolvedEntityResponse>(
        `/api/resolved-entities/${encodeURIComponent(idOrName)}`,
        signal,
      ),
    ),
  /** What extraction found under one name, or null when no document uses that name. */
  findEntity: (ref: EntityRef, signal?: AbortSignal) =>
    orNullWhenMissing(
      getJson<EntityResponse>(`/api/entities/${ref.type}/${encodeURIComponent(ref.name)}`, signal),
    ),
  resolvedEntity: (idOrName: string, signal?: AbortSignal) =>
    getJson<ResolvedEntityResponse>(
      `/api/resolved-entities/${encodeURIComponent(idOrName)}`,
      signal,
    ),
  decideEntity: (decision: EntityDecisionInput) =>
    postJson<EntityDecisionResponse>('/api/entities/decisions', decision),

  hypotheses: (signal?: AbortSignal) => getJson<HypothesisWorkspace>('/api/hypotheses', signal),
  addHypothesis: (text: string) => postJson<Hypothesis>('/api/hypotheses', { text }),
  markClaim: (hypothesisId: string, claimId: string, mark: Mark) =>
    postJson<RecordedMark>(`/api/hypotheses/${encodeURIComponent(hypothesisId)}/marks`, {
      claimId,
      mark,
    }),

  /**
   * Uploads one file as the raw request body. XMLHttpRequest rather than fetch because only it
   * reports upload progress, which matters for the large archives journalists receive.
   */
  upload(file: File, onProgress: (fraction: number) => void): Promise<IngestJob> {
    const sentToken = activeToken();
    return new Promise((resolve, reject) => {
      const request = new XMLHttpRequest();
      request.open('PUT', `/api/ingest/files?name=${encodeURIComponent(file.name)}`);
      request.setRequestHeader('content-type', 'application/octet-stream');
      for (const [name, value] of Object.entries(sessionHeaders())) {
        request.setRequestHeader(name, value);
      }
      request.responseType = 'json';
      request.upload.onprogress = (event) => {
        if (event.lengthComputable) onProgress(event.loaded / event.total);
      };
      request.onload = () => {
        if (request.status === 202) return resolve(request.response as IngestJob);
        endSessionOn401(request.status, request.response, sentToken);
        reject(toApiError(request.status, request.response));
      };
      request.onerror = () =>
        reject(
          new ApiError(0, {
            code: 'UNREACHABLE',
            message: `The upload of ${file.name} was interrupted`,
            hint: 'Check that `crosscheck serve` is still running, then try again.',
          }),
        );
      request.send(file);
    });
  },
};
