import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { CrosscheckError, type ErrorCode } from '../core/index.js';

/**
 * The codes an API error can carry: every CrosscheckError code, plus INTERNAL for bugs, which
 * have no CrosscheckError of their own (and whose details stay in the server log), and
 * RATE_LIMITED for a caller over the multi-user server's request limit (429).
 */
export type ApiErrorCode = ErrorCode | 'INTERNAL' | 'RATE_LIMITED';

/** The one error shape every route answers with, so clients need a single error path. */
export interface ApiErrorBody {
  error: { code: ApiErrorCode; message: string; hint: string | null };
}

const STATUS_BY_CODE: Partial<Record<ErrorCode, number>> = {
  INVALID_ARGUMENT: 400,
  INVALID_QUERY: 400,
  MALFORMED_INPUT: 400,
  FILE_EMPTY: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  FILE_NOT_FOUND: 404,
  CONFLICT: 409,
  FILE_TOO_LARGE: 413,
  UNSUPPORTED_FORMAT: 415,
};

/** The HTTP status a CrosscheckError code stands for; anything unlisted is the server's fault. */
export function statusForCode(code: ErrorCode): number {
  return STATUS_BY_CODE[code] ?? 500;
}

export function errorBody(code: ApiErrorCode, message: string, hint?: string | null): ApiErrorBody {
  return { error: { code, message, hint: hint ?? null } };
}

/** Names the offending field the way a caller wrote it: `query parameter "limit"`. */
function describeValidation(error: FastifyError & { validation: unknown[] }): string {
  const first = error.validation[0] as { instancePath?: string; message?: string } | undefined;
  const where = error.validationContext ?? 'request';
  const field = first?.instancePath?.replace(/^\//, '').replace(/\//g, '.') ?? '';
  const place =
    where === 'querystring'
      ? 'query parameter'
      : where === 'params'
        ? 'path parameter'
        : `${where} field`;
  return field
    ? `Invalid ${place} "${field}": ${first?.message ?? 'invalid value'}`
    : `Invalid ${where}: ${first?.message ?? 'invalid value'}`;
}

/**
 * Turns whatever a route threw into the stable error shape: validation failures are 400
 * INVALID_ARGUMENT, CrosscheckErrors keep their code, Fastify's own client errors (body too
 * large, wrong content type) are mapped to the nearest code, and anything else is a 500 whose
 * details are logged, not sent.
 */
export function handleError(
  error: FastifyError | Error,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  if (hasZodFastifySchemaValidationErrors(error)) {
    return reply
      .code(400)
      .send(
        errorBody(
          'INVALID_ARGUMENT',
          describeValidation(error),
          'See /api/docs for the accepted values.',
        ),
      );
  }
  if (error instanceof CrosscheckError) {
    const status = statusForCode(error.code);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    // The rest of an oversized body is not worth reading: close the connection after answering.
    if (status === 413) reply.header('connection', 'close');
    return reply.code(status).send(errorBody(error.code, error.message, error.hint));
  }
  const status = (error as FastifyError).statusCode;
  if (status === 429) {
    return reply
      .code(429)
      .send(
        errorBody(
          'RATE_LIMITED',
          error.message,
          'Wait for the time the Retry-After header gives, then send fewer requests.',
        ),
      );
  }
  if (status !== undefined && status >= 400 && status < 500) {
    const code: ErrorCode =
      status === 413
        ? 'FILE_TOO_LARGE'
        : status === 415
          ? 'UNSUPPORTED_FORMAT'
          : 'INVALID_ARGUMENT';
    return reply.code(status).send(errorBody(code, error.message, null));
  }
  request.log.error({ err: error }, 'unexpected error');
  return reply
    .code(500)
    .send(
      errorBody(
        'INTERNAL',
        'The server failed to answer this request',
        'The server log has the details; please report it.',
      ),
    );
}
