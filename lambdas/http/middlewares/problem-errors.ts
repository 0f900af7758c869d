import type middy from '@middy/core';
import { acceptedLanguage } from '../../domain/problem-words';
import { logger } from '../../observability/logger';
import { problemForError, problemInLanguage, problemResponse } from '../problem';
import type { HttpEvent, HttpResult } from '../types';

const isMiddyError = (error: unknown): error is { statusCode: number; message: string } =>
  typeof error === 'object' && error !== null && 'statusCode' in error && 'message' in error;

/**
 * Every error becomes an RFC 9457 problem+json answer (http/problem.ts), in the language
 * `Accept-Language` asks for (English or Welsh); anything unforeseen is a logged 500.
 */
export const problemErrors = (): middy.MiddlewareObj<HttpEvent, HttpResult> => ({
  onError: (request) => {
    const error = request.error;
    const problem = problemForError(error);
    if (problem) {
      request.response = problem;
    } else if (isMiddyError(error) && error.statusCode === 415) {
      // middy answers 415 to malformed JSON as well: only the wrong content type stays 415.
      request.response = /malformed/i.test(error.message)
        ? problemResponse(400, 'The request body is not valid JSON.')
        : problemResponse(415, 'The request body must be application/json.');
    } else {
      logger.error('unhandled error', { error: error as Error });
      request.response = problemResponse(500, 'Something went wrong on our side.');
    }
    const headers = request.event.headers ?? {};
    request.response = problemInLanguage(request.response, acceptedLanguage(headers['accept-language']));
    logger.info('request refused', { status: request.response.statusCode });
  },
});
