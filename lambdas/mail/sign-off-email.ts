// Sign-off emails (docs/sign-off.md): a returned version's reason to its submitter, and
// each directorate's approvers what awaits them, in the recipients' language (the
// domain's `emails` words). Mustache escapes every {{value}}.
import Mustache from 'mustache';
import type { Language } from '../domain/language';
import { counted, fill, formatDateTime, periodLabel, quarterLabel, wordsFor } from '../domain/words';
import { emailLang } from './reminder-email';
import type { OutgoingEmail } from './ses';

/** Mustache's options for a plain-text part: nothing HTML-escaped. */
const plainText = { escape: (s: string) => s };

const returnedHtml = `<!DOCTYPE html>
<html lang="{{lang}}">
<head><meta charset="utf-8"><title>{{subject}}</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;color:#0b0c0c;font-size:14px;line-height:1.4;">
<main>
<h1 style="font-size:18px;">{{heading}}</h1>
<p>{{{bodyHtml}}}</p>
<p><strong>{{w.reason}}</strong> {{reason}}</p>
<p>{{w.correctIt}}</p>
{{#formUrl}}<p><a href="{{formUrl}}">{{openReturn}}</a></p>{{/formUrl}}
</main>
</body>
</html>
`;

const returnedText = `{{heading}}

{{bodyText}}

{{w.reason}} {{reason}}

{{w.correctIt}}
{{#formUrl}}
{{openReturn}}: {{{formUrl}}}
{{/formUrl}}`;

export interface ReturnedNotice {
  from: string;
  to: string;
  reportTitle: string;
  title: string;
  /** The period or quarter of the return. */
  period: string;
  version: number;
  reason: string;
  /** The submitter's language (People `language`); default English. */
  language?: Language;
  /** The return's form in the web app (every link in an email goes to the web app, SPEC §12). */
  formUrl?: string;
}

export function returnedEmail(notice: ReturnedNotice): OutgoingEmail {
  const language = notice.language ?? 'en';
  const w = wordsFor(language).emails;
  // Quarters and months in words ("2017-18 Q4"), never their ids, in the subject as in the body.
  const period = periodLabel(notice.period, language);
  const subject = fill(w.returnedSubject, { reportTitle: notice.reportTitle, title: notice.title, period });
  const esc = (s: string) => Mustache.escape(s);
  const view = {
    ...notice,
    w,
    lang: emailLang(language),
    period,
    subject,
    heading: fill(w.returnedHeading, { title: notice.title }),
    bodyHtml: fill(w.returnedBody, {
      title: `<strong>${esc(notice.title)}</strong>`,
      period: esc(period),
      version: notice.version,
    }),
    bodyText: fill(w.returnedBody, { title: notice.title, period, version: notice.version }),
    // The link to the form that was returned (SPEC §12: every link goes to the web app).
    openReturn: language === 'cy' ? 'Agor eich ffurflen' : 'Open your return',
  };
  return {
    from: notice.from,
    to: [notice.to],
    subject,
    html: Mustache.render(returnedHtml, view),
    // Plain text: no HTML escaping ("Parks & open spaces", never "&amp;").
    text: Mustache.render(returnedText, view, {}, plainText),
  };
}

const awaitingHtml = `<!DOCTYPE html>
<html lang="{{lang}}">
<head><meta charset="utf-8"><title>{{subject}}</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;color:#0b0c0c;font-size:14px;line-height:1.4;">
<main>
<h1 style="font-size:18px;">{{heading}}</h1>
<p>{{{bodyHtml}}}</p>
<ul>{{#items}}<li>{{line}}</li>{{/items}}</ul>
</main>
</body>
</html>
`;

const awaitingText = `{{heading}}

{{bodyText}}
{{#items}}- {{line}}
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
  /** The approvers' language (People `language`); default English. */
  language?: Language;
}

export function awaitingSignOffEmail(notice: AwaitingNotice): OutgoingEmail {
  const language = notice.language ?? 'en';
  const w = wordsFor(language).emails;
  const n = notice.items.length;
  const quarter = quarterLabel(notice.quarter, language);
  const { directorate, reportTitle } = notice;
  const subject = fill(counted(w.awaitingSubject, n), { reportTitle, count: n, directorate, quarter });
  const closeLabel = formatDateTime(notice.closeAt, language);
  const view = {
    lang: emailLang(language),
    subject,
    heading: fill(w.awaitingHeading, { directorate, quarter }),
    bodyHtml: fill(w.awaitingBody, { closeLabel: `<strong>${Mustache.escape(closeLabel)}</strong>` }),
    bodyText: fill(w.awaitingBody, { closeLabel }),
    items: notice.items.map((item) => ({
      line: fill(w.awaitingItem, { ...item, period: periodLabel(item.period, language) }),
    })),
  };
  return {
    from: notice.from,
    to: notice.to,
    subject,
    html: Mustache.render(awaitingHtml, view),
    text: Mustache.render(awaitingText, view, {}, plainText),
  };
}
