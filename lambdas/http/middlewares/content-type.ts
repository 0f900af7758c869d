import type middy from '@middy/core';
import { xlsxMediaType } from '../../domain/media-types';
import { HttpProblem } from '../problem';
import type { RouteDef } from '../routes';
import type { HttpEvent, HttpResult } from '../types';

const isCsv = (type: string) => /^text\/csv\s*(;|$)/i.test(type);
export const isXlsx = (type: string) => type.toLowerCase().split(';')[0]!.trim() === xlsxMediaType;

/**
 * Refuses (415) a body on a route that takes none, a CSV route's body that is not
 * text/csv, and a spreadsheet route's that is neither CSV nor .xlsx. JSON routes'
 * content type is checked by middy's JSON body parser after this.
 */
export const contentType = (route: Pick<RouteDef, 'body' | 'path'>): middy.MiddlewareObj<HttpEvent, HttpResult> => ({
  before: (request) => {
    const event = request.event;
    if (!route.body && event.body && route.path !== '$default') {
      throw new HttpProblem(415, 'This route takes no request body.');
    }
    const type = event.headers?.['content-type'] ?? '';
    if (route.body === 'csv' && !isCsv(type)) {
      throw new HttpProblem(415, 'The request body must be text/csv.');
    }
    if (route.body === 'spreadsheet' && !isCsv(type) && !isXlsx(type)) {
      throw new HttpProblem(415, `The request body must be text/csv or an .xlsx workbook (${xlsxMediaType}).`);
    }
  },
});
