import type { ErrorCode, FieldError, Problem } from '@swigs/schema';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { appErrorFromDatabase } from '../lib/db-errors';
import { AppError, titleOf } from '../lib/errors';

export const problemContentType = 'application/problem+json; charset=utf-8';

/** Fastify's own errors that are the client's fault, with the code we answer them with. */
const fastifyClientErrors: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
  FST_ERR_VALIDATION: 'VALIDATION_FAILED',
};

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  status: number,
  detail: string | undefined,
  extras: Partial<Problem> = {},
) {
  const body: Problem = {
    type: `https://swigs.online/problems/${code.toLowerCase().replaceAll('_', '-')}`,
    title: titleOf(code),
    status,
    code,
    ...(detail ? { detail } : {}),
    instance: request.url,
    requestId: String(request.id),
    ...extras,
  };
  if (extras.retryAfter !== undefined) reply.header('retry-after', String(extras.retryAfter));
  return reply.code(status).type(problemContentType).serializer(JSON.stringify).send(body);
}

function zodFieldErrors(error: {
  validation: { instancePath: string; message?: string; keyword: string }[];
  validationContext?: string;
}): FieldError[] {
  const context = error.validationContext;
  return error.validation.map((issue) => {
    const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const field = context && context !== 'body' ? [context, path].filter(Boolean).join('.') : path;
    return { field, message: issue.message ?? 'Invalid value.', code: issue.keyword };
  });
}

/**
 * One place turns every failure into RFC 9457 problem+json: AppErrors thrown by services, zod
 * validation failures, Fastify's parser errors and database constraint violations. Outside
 * development a 500 never reveals what went wrong; the log, keyed by request id, does.
 */
export interface ErrorsPluginOptions {
  exposeInternalErrors: boolean;
  /** Called with every unexpected error (a 500), e.g. to send it to Sentry. */
  report?: (error: Error, request: FastifyRequest) => void;
}

async function errorsPlugin(app: FastifyInstance, options: ErrorsPluginOptions) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return sendProblem(request, reply, error.code, error.status, error.message, error.extras);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const errors = zodFieldErrors(error);
      return sendProblem(request, reply, 'VALIDATION_FAILED', 400, 'Some fields are invalid.', { errors });
    }
    const fromDatabase = appErrorFromDatabase(error);
    if (fromDatabase) {
      return sendProblem(
        request,
        reply,
        fromDatabase.code,
        fromDatabase.status,
        fromDatabase.message,
        fromDatabase.extras,
      );
    }
    const fastifyCode = error.code ? fastifyClientErrors[error.code] : undefined;
    if (fastifyCode) {
      return sendProblem(request, reply, fastifyCode, error.statusCode ?? 400, error.message);
    }
    if (error.statusCode === 429) {
      return sendProblem(
        request,
        reply,
        'RATE_LIMITED',
        429,
        'Too many requests; slow down and try again later.',
      );
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return sendProblem(request, reply, 'BAD_REQUEST', error.statusCode, error.message);
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause.issues }, 'response does not match its schema');
    } else {
      request.log.error({ err: error }, 'unhandled error');
    }
    options.report?.(error, request);
    const detail = options.exposeInternalErrors
      ? error.message
      : 'An unexpected error occurred. It has been logged.';
    return sendProblem(request, reply, 'INTERNAL_ERROR', 500, detail);
  });

  app.setNotFoundHandler((request, reply) =>
    sendProblem(
      request,
      reply,
      'ROUTE_NOT_FOUND',
      404,
      `No route ${request.method} ${request.url.split('?')[0]}.`,
    ),
  );
}

export const errors = fp(errorsPlugin, { name: 'errors' });
