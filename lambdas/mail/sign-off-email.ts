// Sign-off emails (docs/sign-off.md): a returned version's reason to its submitter, and
// each directorate's approvers what awaits them. Mustache escapes every {{value}}.
import Mustache from 'mustache';
import { formatDateTime, periodLabel, quarterLabel } from '../domain/words';
import type { OutgoingEmail } from './ses';

const returnedHtml = `<!DOCTYPE html>
<html lang="en-GB">
<head><meta charset="utf-8"><title>{{subject}}</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;color:#0b0c0c;font-size:14px;line-height:1.4;">
<main>
<h1 style="font-size:18px;">Returned: {{title}}</h1>
<p>Your return for <strong>{{title}}</strong> ({{period}}, version {{version}}) was returned and does not count until it is approved.</p>
<p><strong>Reason:</strong> {{reason}}</p>
<p>Correct it and save it again; it will then await sign-off.</p>
</main>
</body>
</html>
`;

const returnedText = `Returned: {{title}}

Your return for {{title}} ({{period}}, version {{version}}) was returned and does not count until it is approved.

Reason: {{reason}}

Correct it and save it again; it will then await sign-off.
`;

export interface ReturnedNotice {
  from: string;
  to: string;
  reportTitle: string;
  title: string;
  /** The period or quarter of the return. */
  period: string;
  version: number;
  reason: string;
}

export function returnedEmail(notice: ReturnedNotice): OutgoingEmail {
  // Quarters and months in words ("2017-18 Q4"), never their ids, in the subject as in the body.
  const period = periodLabel(notice.period, 'en');
  const subject = `${notice.reportTitle}: your return for ${notice.title} (${period}) was returned`;
  const view = { ...notice, period, subject };
  return {
    from: notice.from,
    to: [notice.to],
    subject,
    html: Mustache.render(returnedHtml, view),
    text: Mustache.render(returnedText, view),
  };
}

const awaitingHtml = `<!DOCTYPE html>
<html lang="en-GB">
<head><meta charset="utf-8"><title>{{subject}}</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;color:#0b0c0c;font-size:14px;line-height:1.4;">
<main>
<h1 style="font-size:18px;">{{directorate}}: returns awaiting sign-off for {{quarter}}</h1>
<p>These returns count once you approve them. The quarter closes on <strong>{{closeLabel}}</strong>.</p>
<ul>{{#items}}<li>{{title}} ({{period}}, version {{version}})</li>{{/items}}</ul>
</main>
</body>
</html>
`;

const awaitingText = `{{directorate}}: returns awaiting sign-off for {{quarter}}

These returns count once you approve them. The quarter closes on {{closeLabel}}.
{{#items}}- {{title}} ({{period}}, version {{version}})
{{/items}}`;

export interface AwaitingNotice {
  from: string;
  to: string[];
  reportTitle: string;
  directorate: string;
  quarter: string;
  /** When the quarter closes: the email says it in words. */
  closeAt: Date;
  items: { title: string; period: string; version: number }[];
}

export function awaitingSignOffEmail(notice: AwaitingNotice): OutgoingEmail {
  const n = notice.items.length;
  const quarter = quarterLabel(notice.quarter, 'en');
  const subject = `${notice.reportTitle}: ${n} ${n === 1 ? 'return awaits' : 'returns await'} your sign-off (${notice.directorate}, ${quarter})`;
  const view = {
    ...notice,
    quarter,
    closeLabel: formatDateTime(notice.closeAt, 'en'),
    items: notice.items.map((item) => ({ ...item, period: periodLabel(item.period, 'en') })),
    subject,
  };
  return {
    from: notice.from,
    to: notice.to,
    subject,
    html: Mustache.render(awaitingHtml, view),
    text: Mustache.render(awaitingText, view),
  };
}
