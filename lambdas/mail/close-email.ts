import Mustache from 'mustache';
import { closeEmailSubject } from '../domain/close-subject';
import { englishOnly, type ReportLanguageOptions, reportIn } from '../domain/report-language';
import type { Report } from '../domain/types';
import { fill } from '../domain/words';
import { documentFormats } from '../render/document-formats';
import { reportCsv } from '../render/report-csv';
import { reportHtml } from '../render/report-html';
import { englishTitle, reportView } from '../render/view';
import { underlined } from './plain-text';
import type { OutgoingEmail } from './ses';

// Outlook renders tables and inline styles only: no <style> blocks, scripts or images.
// Mustache escapes every {{value}}, so user text never becomes markup. The body is one
// part per language of the report (`reportLanguages`), Welsh first, each with its `lang`.
const htmlPart = `<div lang="{{lang}}">
{{#reissued}}<p style="font-weight:bold;">{{reissuedNote}}</p>{{/reissued}}
<h1 style="font-size:20px;">{{heading}}: {{t.overall}} <span style="{{overallStyle}}">{{overall}}</span></h1>
{{#sentences}}<p>{{.}}</p>
{{/sentences}}
<h2 style="font-size:16px;">{{t.programmes}}</h2>
<table role="table" cellpadding="4" cellspacing="0" border="1" style="border-collapse:collapse;border-color:#b1b4b6;">
<thead><tr><th scope="col" style="text-align:left;">{{t.programme}}</th><th scope="col">{{t.overallColumn}}</th><th scope="col">{{t.plannedWorkBlueOrGreen}}</th><th scope="col">{{t.amberOrRed}}</th><th scope="col">{{labels.noUpdate}}</th><th scope="col">{{t.measuresMet}}</th><th scope="col">{{labels.amber}}</th><th scope="col">{{labels.red}}</th><th scope="col">{{labels.noData}}</th></tr></thead>
<tbody>
{{#programmes}}<tr><th scope="row" style="text-align:left;"{{#nameEn}} lang="en"{{/nameEn}}>{{name}}</th><td><span style="{{overallStyle}}">{{overall}}</span></td><td>{{blueOrGreen}}</td><td>{{amberOrRed}}</td><td>{{noUpdate}}</td><td>{{metOf}}</td><td>{{amber}}</td><td>{{red}}</td><td>{{noData}}</td></tr>
{{/programmes}}
</tbody>
</table>
<h2 style="font-size:16px;">{{criticalHeading}}</h2>
{{#criticalGroups.length}}
<table role="table" cellpadding="6" cellspacing="0" border="1" width="100%" style="border-collapse:collapse;border-color:#b1b4b6;">
<thead><tr><th scope="col" width="34%" style="text-align:left;">{{t.measure}}</th><th scope="col" width="33%" style="text-align:left;">{{t.issue}}</th><th scope="col" width="33%" style="text-align:left;">{{t.remedialAction}}</th></tr></thead>
{{#criticalGroups}}<tbody>
<tr><th scope="colgroup" colspan="3" style="text-align:left;background-color:#f3f2f1;"{{#programmeEn}} lang="en"{{/programmeEn}}>{{programme}}</th></tr>
{{#items}}<tr><td>{{kindLabel}}: {{#url}}<a href="{{url}}"{{#titleEn}} lang="en"{{/titleEn}}>{{title}}</a>{{/url}}{{^url}}{{> title}}{{/url}}</td><td>{{issue}}</td><td>{{#remedialAction}}{{remedialAction}}{{#remedialOwner}} ({{remedialOwner}}){{/remedialOwner}}{{#remedialDue}} ({{remedialDue}}){{/remedialDue}}{{/remedialAction}}{{^remedialAction}}<strong>{{remedialActionNeeded}}</strong>{{/remedialAction}}</td></tr>
{{/items}}</tbody>
{{/criticalGroups}}
</table>
{{/criticalGroups.length}}
{{^criticalGroups.length}}<p>{{t.noCriticalItems}}</p>{{/criticalGroups.length}}
{{#notSignedOff.length}}<h2 style="font-size:16px;">{{t.notSignedOffHeading}}</h2>
<ul>{{#notSignedOff}}<li>{{> title}}: {{note}}</li>{{/notSignedOff}}</ul>
{{/notSignedOff.length}}
{{#targetChanges.length}}<h2 style="font-size:16px;">{{t.targetsChangedHeading}}</h2>
<ul>{{#targetChanges}}<li>{{> title}}: {{note}}</li>{{/targetChanges}}</ul>
{{/targetChanges.length}}
<h2 style="font-size:16px;">{{t.missingReturns}}</h2>
{{#missing.length}}{{#missing}}<h3 style="font-size:14px;"{{#directorateEn}} lang="en"{{/directorateEn}}>{{directorate}}</h3><ul>{{#items}}<li>{{kindLabel}}: {{> title}}</li>{{/items}}</ul>
{{/missing}}{{/missing.length}}
{{^missing.length}}<p>{{t.everyReturnIn}}</p>{{/missing.length}}
<p>{{#attachmentNote}}{{attachmentNote}} {{/attachmentNote}}{{#attachedSentence}}{{attachedSentence}}{{/attachedSentence}}{{#reportUrl}} {{apiBefore}}<a href="{{reportUrl}}">{{reportUrl}}</a>{{apiAfter}}{{/reportUrl}}</p>
</div>
`;

const htmlTemplate = `<!DOCTYPE html>
<html lang="{{lang}}">
<head><meta charset="utf-8"><title>{{subject}}</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;color:#0b0c0c;font-size:14px;line-height:1.4;">
<main>
{{#parts}}{{#separator}}<hr>
{{/separator}}{{> part}}{{/parts}}</main>
</body>
</html>
`;

const textPart = `{{#reissued}}{{reissuedNote}}

{{/reissued}}{{heading}}: {{t.overall}} {{overall}}

{{#sentences}}{{.}}
{{/sentences}}

{{underlined.programmes}}
{{#programmes}}- {{name}}: {{overall}}; {{summaryLine}}
{{/programmes}}

{{underlined.criticalItems}}
{{#criticalGroups}}
{{programme}}
{{#items}}
{{kindLabel}} - {{title}}{{#url}} ({{url}}){{/url}}
{{t.issue}} - {{issue}}
{{t.remedialAction}} - {{#remedialAction}}{{remedialAction}}{{/remedialAction}}{{^remedialAction}}{{remedialActionNeeded}}{{/remedialAction}}
{{/items}}{{/criticalGroups}}
{{#notSignedOff.length}}
{{underlined.notSignedOff}}
{{#notSignedOff}}- {{title}}: {{note}}
{{/notSignedOff}}{{/notSignedOff.length}}{{#targetChanges.length}}
{{underlined.targetsChanged}}
{{#targetChanges}}- {{title}}: {{note}}
{{/targetChanges}}{{/targetChanges.length}}

{{underlined.missingReturns}}
{{#missing}}{{directorate}}:
{{#items}}- {{kindLabel}}: {{title}}
{{/items}}{{/missing}}{{^missing.length}}{{t.everyReturnIn}}
{{/missing.length}}
{{#attachmentNote}}{{attachmentNote}} {{/attachmentNote}}{{#attachedSentence}}{{attachedSentence}}{{/attachedSentence}}{{#reportUrl}} {{apiText}}{{/reportUrl}}
`;

const textTemplate = `{{#parts}}{{#separator}}
----------------------------------------

{{/separator}}{{> part}}{{/parts}}`;

export interface CloseEmailOptions {
  from: string;
  to: string[];
  reportTitle: string;
  /** The web app's address (ending /app/), for the dashboard and critical item links; absent: no links. */
  appUrl?: string;
  reissued?: { revision: number };
  /** Attachments are left out above this many bytes of content (SES refuses raw messages over 10 MB after base64). */
  maxAttachmentBytes?: number;
  /** The Word draft (render-document); `null`: it could not be made, and the email says so. */
  wordDraft?: Buffer | null;
  /** The report's languages, Welsh names and titles (settings `reportLanguages`); absent: English only. */
  languages?: ReportLanguageOptions;
}

/** Base64 grows content by a third: 7 MB of attachments stays clear of SES's 10 MB message limit. */
export const defaultMaxAttachmentBytes = 7 * 1024 * 1024;

export function closeEmail(report: Report, options: CloseEmailOptions): OutgoingEmail {
  const languages = options.languages ?? englishOnly(options.reportTitle);
  const subject = closeEmailSubject(report, languages, options.reissued !== undefined);
  // Every link goes to the web app's page, never to the API (SPEC §12): the dashboard, each critical item.
  const app = options.appUrl ? `${options.appUrl.replace(/\/$/, '')}/` : null;
  const reportUrl = app ? `${app}dashboard?quarter=${encodeURIComponent(report.quarter)}` : null;
  const itemUrl = (id: string) =>
    app ? `${app}reports/${encodeURIComponent(report.quarter)}/critical-items/${encodeURIComponent(id)}` : null;
  const base = `ragtime-${report.quarter}`;
  // A very large plan's report would push the message past SES's limit: attach what
  // fits (the CSV first, then the HTML page) and say what was left out.
  // The Word draft (docs/documents.md) comes last: the CSV and the page carry every figure.
  const candidates: { filename: string; content: string | Buffer; contentType: string }[] = [
    { filename: `${base}.csv`, content: reportCsv(report), contentType: 'text/csv; charset=utf-8' },
    {
      filename: `${base}.html`,
      content: reportHtml(report, options.reportTitle, languages),
      contentType: 'text/html; charset=utf-8',
    },
  ];
  if (options.wordDraft) {
    candidates.push({ filename: `${base}.docx`, content: options.wordDraft, contentType: documentFormats.docx });
  }
  const limit = options.maxAttachmentBytes ?? defaultMaxAttachmentBytes;
  const attachments: typeof candidates = [];
  let used = 0;
  for (const attachment of candidates) {
    const bytes =
      typeof attachment.content === 'string'
        ? Buffer.byteLength(attachment.content, 'utf8')
        : attachment.content.length;
    if (used + bytes <= limit) {
      attachments.push(attachment);
      used += bytes;
    }
  }
  const left = candidates.filter((c) => !attachments.includes(c)).map((c) => c.filename);
  const parts = languages.languages.map((language, i) => {
    const view = reportView(
      reportIn(report, language, languages),
      languages.titles[language],
      language,
      languages.namesCy,
    );
    const t = view.t;
    const and = (items: string[]) => listInWords(items, t.and);
    const notes = [
      left.length > 0 ? fill(reportUrl ? t.tooLargeWithLink : t.tooLarge, { names: and(left) }) : null,
      options.wordDraft === null
        ? fill(reportUrl ? t.wordDraftFailedWithApi : t.wordDraftFailed, { filename: `${base}.docx` })
        : null,
    ].filter((note) => note !== null);
    const attachedNames = and(attachments.map((a) => attachmentLabel(a.filename, t.wordDraftLabel)));
    const [apiBefore, apiAfter] = t.apiLink.split('{url}') as [string, string];
    const reissuedNote = fill(t.reissuedEmail, { revision: options.reissued?.revision ?? 1 });
    return {
      ...view,
      separator: i > 0,
      subject,
      reportUrl,
      reissued: options.reissued !== undefined,
      reissuedNote,
      // The plain text's headings in sentence case, underlined (mail/plain-text.ts).
      underlined: {
        programmes: underlined(t.programmes),
        criticalItems: underlined(`${t.criticalItems} (${view.criticalCount})`),
        notSignedOff: underlined(t.notSignedOffHeading),
        targetsChanged: underlined(t.targetsChangedHeading),
        missingReturns: underlined(t.missingReturns),
      },
      criticalGroups: view.criticalGroups.map((g) => ({
        ...g,
        items: g.items.map((item) => ({ ...item, url: itemUrl(item.id) })),
      })),
      programmes: view.programmes.map(({ nameEn, ...p }) => ({
        ...p,
        nameEn,
        metOf: fill(t.metOf, { met: p.met, total: p.measures }),
        summaryLine: fill(t.programmeLine, { ...p, met: fill(t.metOf, { met: p.met, total: p.measures }) }),
      })),
      attachmentNote: notes.length ? notes.join(' ') : null,
      attachedSentence: attachedNames ? fill(t.attachedAs, { names: attachedNames }) : null,
      apiBefore,
      apiAfter,
      apiText: reportUrl ? fill(t.apiLinkText, { url: reportUrl }) : null,
    };
  });
  const full = { subject, lang: parts[0]!.lang, parts };
  return {
    from: options.from,
    to: options.to,
    subject,
    html: Mustache.render(htmlTemplate, full, { part: htmlPart, title: englishTitle }),
    // Plain text: no HTML escaping wanted.
    text: Mustache.render(textTemplate, full, { part: textPart }, { escape: (s: string) => s }),
    attachments,
  };
}

/** `a`, `a and b`, `a, b and c` (`and` in the language: " and " / " a "). */
function listInWords(items: string[], and: string): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')}${and}${items.at(-1)}`;
}

/** CSV, HTML, a Word draft: what a reader in Outlook recognises. */
function attachmentLabel(filename: string, wordDraft: string): string {
  const extension = filename.split('.').pop()!;
  return extension === 'docx' ? wordDraft : extension.toUpperCase();
}
