import Mustache from 'mustache';
import type { MissingReturns } from '../domain/report';
import { formatDateTime, quarterLabel } from '../domain/words';
import type { OutgoingEmail } from './ses';

// Outlook-friendly: inline styles and plain lists. Mustache escapes every {{value}}.
const htmlTemplate = `<!DOCTYPE html>
<html lang="en-GB">
<head><meta charset="utf-8"><title>{{subject}}</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;color:#0b0c0c;font-size:14px;line-height:1.4;">
<main>
<h1 style="font-size:18px;">{{directorate}}: returns still missing for {{quarter}}</h1>
<p>The quarter closes on <strong>{{closeLabel}}</strong>{{#daysLabel}} ({{daysLabel}}){{/daysLabel}}. At close, anything still missing is reported to the Executive Management Team as <strong>no data</strong> or <strong>no update</strong>.</p>
{{#measures.length}}<h2 style="font-size:16px;">Measures without a result ({{measures.length}})</h2>
<ul>{{#measures}}<li>{{title}} ({{id}})</li>{{/measures}}</ul>{{/measures.length}}
{{#actions.length}}<h2 style="font-size:16px;">Planned work without a BRAG update ({{actions.length}})</h2>
<ul>{{#actions}}<li>{{title}} ({{id}})</li>{{/actions}}</ul>{{/actions.length}}
{{#copiedHead}}<p>This is the final reminder; the head of {{directorate}} is copied.</p>{{/copiedHead}}
</main>
</body>
</html>
`;

const textTemplate = `{{directorate}}: returns still missing for {{quarter}}

The quarter closes on {{closeLabel}}{{#daysLabel}} ({{daysLabel}}){{/daysLabel}}. At close, anything still missing is reported to the Executive Management Team as no data or no update.
{{#measures.length}}
MEASURES WITHOUT A RESULT ({{measures.length}})
{{#measures}}- {{title}} ({{id}})
{{/measures}}{{/measures.length}}{{#actions.length}}
PLANNED WORK WITHOUT A BRAG UPDATE ({{actions.length}})
{{#actions}}- {{title}} ({{id}})
{{/actions}}{{/actions.length}}{{#copiedHead}}
This is the final reminder; the head of {{directorate}} is copied.
{{/copiedHead}}`;

export interface ReminderOptions {
  from: string;
  to: string[];
  cc: string[];
  quarter: string;
  closeAt: Date;
  daysBeforeClose: number;
  reportTitle: string;
}

export function reminderEmail(missing: MissingReturns, options: ReminderOptions): OutgoingEmail {
  const count = missing.measures.length + missing.actions.length;
  const quarter = quarterLabel(options.quarter, 'en');
  const subject = `${options.cc.length ? 'Final reminder' : 'Reminder'}: ${count} return${count === 1 ? '' : 's'} missing for ${missing.directorate}, ${options.reportTitle} ${quarter}`;
  const closeLabel = formatDateTime(options.closeAt, 'en');
  const view = {
    subject,
    directorate: missing.directorate,
    quarter,
    closeLabel,
    daysLabel:
      options.daysBeforeClose === 1
        ? 'tomorrow'
        : options.daysBeforeClose > 1
          ? `in ${options.daysBeforeClose} days`
          : null,
    measures: missing.measures,
    actions: missing.actions,
    copiedHead: options.cc.length > 0,
  };
  return {
    from: options.from,
    to: options.to,
    cc: options.cc.length ? options.cc : undefined,
    subject,
    html: Mustache.render(htmlTemplate, view),
    text: Mustache.render(textTemplate, view, {}, { escape: (s: string) => s }),
  };
}
