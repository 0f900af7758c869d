import Mustache from 'mustache';
import type { Language } from '../domain/language';
import type { MissingReturns } from '../domain/report';
import { counted, fill, formatDateTime, quarterLabel, wordsFor } from '../domain/words';
import { underlined } from './plain-text';
import type { OutgoingEmail } from './ses';

// Outlook-friendly: inline styles and plain lists. Mustache escapes every {{value}}; the
// sentences with bold parts ({{{…}}}) are filled from escaped values. The words are the
// domain's (`emails` in words-en.ts / words-cy.ts), in the recipients' language.
const htmlTemplate = `<!DOCTYPE html>
<html lang="{{lang}}">
<head><meta charset="utf-8"><title>{{subject}}</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;color:#0b0c0c;font-size:14px;line-height:1.4;">
<main>
<h1 style="font-size:18px;">{{heading}}</h1>
<p>{{{bodyHtml}}}</p>
{{#measures.length}}<h2 style="font-size:16px;">{{measuresHeading}}</h2>
<ul>{{#measures}}<li>{{title}} ({{id}})</li>{{/measures}}</ul>{{/measures.length}}
{{#actions.length}}<h2 style="font-size:16px;">{{actionsHeading}}</h2>
<ul>{{#actions}}<li>{{title}} ({{id}})</li>{{/actions}}</ul>{{/actions.length}}
{{#headCopied}}<p>{{headCopied}}</p>{{/headCopied}}
</main>
</body>
</html>
`;

const textTemplate = `{{heading}}

{{bodyText}}
{{#measures.length}}

{{measuresHeadingUnderlined}}
{{#measures}}- {{title}} ({{id}})
{{/measures}}{{/measures.length}}{{#actions.length}}

{{actionsHeadingUnderlined}}
{{#actions}}- {{title}} ({{id}})
{{/actions}}{{/actions.length}}{{#headCopied}}
{{headCopied}}
{{/headCopied}}`;

export interface ReminderOptions {
  from: string;
  to: string[];
  cc: string[];
  quarter: string;
  closeAt: Date;
  daysBeforeClose: number;
  reportTitle: string;
  /** The recipients' language (People `language`); default English. */
  language?: Language;
}

/** The HTML `lang` of an email in a language. */
export const emailLang = (language: Language) => (language === 'cy' ? 'cy' : 'en-GB');

/**
 * A reminder of what a directorate still has to return. `missing` carries its titles and
 * directorate as they are to be read in `options.language` (the caller picks the Welsh ones).
 */
export function reminderEmail(missing: MissingReturns, options: ReminderOptions): OutgoingEmail {
  const language = options.language ?? 'en';
  const w = wordsFor(language).emails;
  const count = missing.measures.length + missing.actions.length;
  const quarter = quarterLabel(options.quarter, language);
  const directorate = missing.directorate;
  const subject = fill(counted(w.reminderSubject, count), {
    prefix: options.cc.length ? w.finalReminder : w.reminder,
    count,
    directorate,
    title: options.reportTitle,
    quarter,
  });
  const closeLabel = formatDateTime(options.closeAt, language);
  const days = options.daysBeforeClose;
  const when = days === 1 ? w.tomorrow : days > 1 ? fill(w.inDays, { days }) : null;
  const esc = (s: string) => Mustache.escape(s);
  const strong = (s: string) => `<strong>${esc(s)}</strong>`;
  const measuresHeading = fill(w.measuresWithoutResult, { count: missing.measures.length });
  const actionsHeading = fill(w.plannedWorkWithoutUpdate, { count: missing.actions.length });
  const view = {
    lang: emailLang(language),
    subject,
    heading: fill(w.reminderHeading, { directorate, quarter }),
    bodyHtml: fill(w.reminderBody, {
      closeLabel: strong(closeLabel),
      when: when ? ` (${esc(when)})` : '',
      noData: strong(w.noData),
      noUpdate: strong(w.noUpdate),
    }),
    bodyText: fill(w.reminderBody, {
      closeLabel,
      when: when ? ` (${when})` : '',
      noData: w.noData,
      noUpdate: w.noUpdate,
    }),
    measuresHeading,
    measuresHeadingUnderlined: underlined(measuresHeading),
    actionsHeading,
    actionsHeadingUnderlined: underlined(actionsHeading),
    measures: missing.measures,
    actions: missing.actions,
    headCopied: options.cc.length > 0 ? fill(w.headCopied, { directorate }) : null,
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
