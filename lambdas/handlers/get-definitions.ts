import { xlsxMediaType } from '../domain/media-types';
import { httpHandler } from '../http/middleware';
import { routeTable } from '../http/routes';
import { definitionGrids, definitionsWorkbook, gridCsv } from '../services/definition-spreadsheets';

// The plan's definitions as a spreadsheet (docs/plan-administration.md); the .xlsx comes
// from the render-document function.
export const handler = httpHandler(routeTable.getDefinitions, async ({ query }) => {
  const name = `ragtime-definitions${query.plan ? `-${query.plan}` : ''}`;
  if (query.format === 'csv') {
    const kind = query.kind ?? 'measures';
    const grids = await definitionGrids(query.plan);
    return {
      statusCode: 200,
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${name}-${kind}.csv"`,
      },
      body: gridCsv(grids[kind]),
    };
  }
  return {
    statusCode: 200,
    headers: {
      'content-type': xlsxMediaType,
      'content-disposition': `attachment; filename="${name}.xlsx"`,
    },
    body: (await definitionsWorkbook(query.plan)).toString('base64'),
    // API Gateway v2 decodes a base64 body marked so before sending it to the client.
    isBase64Encoded: true,
  };
});
