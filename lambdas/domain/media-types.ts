// The Office files' media types, written once: the report's Word and Excel forms, the
// definitions workbook and the results upload (routes, /openapi.json, the writers, the
// content-type check, the web app and the tests all name these).

/** A Word document (.docx). */
export const docxMediaType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** An Excel workbook (.xlsx). */
export const xlsxMediaType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
