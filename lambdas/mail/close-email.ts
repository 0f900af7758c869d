import Mustache from 'mustache';
import { closeEmailSubject } from '../domain/close-subject';
import type { Report } from '../domain/types';
import { documentFormats } from '../render/document-formats';
import { reportCsv } from '../render/report-csv';
import { reportHtml } from '../render/report-html';
import { reportView } from '../render/view';
import type { OutgoingEmail } from './ses';

// Outlook renders tables and inline styles only: no <style> blocks, scripts or images.
// Mustache escapes every {{value}}, so user text never becomes markup.
const htmlTemplate = `<!DOCTYPE html>
<html lang="en-GB">
<head><meta charset="utf-8"><title>{{subject}}</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;color:#0b0c0c;font-size:14px;line-height:1.4;">
<main>
{{#reissued}}<p style="font-weight:bold;">Reissued: this replaces the report sent earlier for this quarter (revision {{revision}}).</p>{{/reissued}}
<h1 style="font-size:20px;">{{heading}}: overall <span style="{{overallStyle}}">{{overall}}</span></h1>
{{#sentences}}<p>{{.}}</p>
{{/sentences}}
<h2 style="font-size:16px;">Programmes</h2>
<table role="table" cellpadding="4" cellspacing="0" border="1" style="border-collapse:collapse;border-color:#b1b4b6;">
<thead><tr><th scope="col" style="text-align:left;">Programme</th><th scope="col">Overall</th><th scope="col">Planned work blue or green</th><th scope="col">Amber or red</th><th scope="col">No update</th><th scope="col">Measures met</th><th scope="col">Amber</th><th scope="col">Red</th><th scope="col">No data</th></tr></thead>
<tbody>
{{#programmes}}<tr><th scope="row" style="text-align:left;">{{name}}</th><td><span style="{{overallStyle}}">{{overall}}</span></td><td>{{blueOrGreen}}</td><td>{{amberOrRed}}</td><td>{{noUpdate}}</td><td>{{met}} of {{measures}}</td><td>{{amber}}</td><td>{{red}}</td><td>{{noData}}</td></tr>
{{/programmes}}
</tbody>
</table>
<h2 style="font-size:16px;">Critical items ({{criticalCount}})</h2>
{{#criticalGroups.length}}
<table role="table" cellpadding="6" cellspacing="0" border="1" width="100%" style="border-collapse:collapse;border-color:#b1b4b6;">
<thead><tr><th scope="col" width="34%" style="text-align:left;">Measure</th><th scope="col" width="33%" style="text-align:left;">Issue</th><th scope="col" width="33%" style="text-align:left;">Remedial action</th></tr></thead>
{{#criticalGroups}}<tbody>
<tr><th scope="colgroup" colspan="3" style="text-align:left;background-color:#f3f2f1;">{{programme}}</th></tr>
{{#items}}<tr><td>{{kindLabel}}: {{title}}</td><td>{{issue}}</td><td>{{#remedialAction}}{{remedialAction}}{{#remedialOwner}} (owner: {{remedialOwner}}){{/remedialOwner}}{{#remedialDue}} (due {{remedialDue}}){{/remedialDue}}{{/remedialAction}}{{^remedialAction}}<strong>{{remedialActionNeeded}}</strong>{{/remedialAction}}</td></tr>
{{/items}}</tbody>
{{/criticalGroups}}
</table>
{{/criticalGroups.length}}
{{^criticalGroups.length}}<p>No critical items this quarter.</p>{{/criticalGroups.length}}
{{#notSignedOff.length}}<h2 style="font-size:16px;">Not signed off</h2>
<ul>{{#notSignedOff}}<li>{{title}}: not signed off</li>{{/notSignedOff}}</ul>
{{/notSignedOff.length}}
{{#targetChanges.length}}<h2 style="font-size:16px;">Targets changed after the quarter began</h2>
<ul>{{#targetChanges}}<li>{{title}}: {{note}}</li>{{/targetChanges}}</ul>
{{/targetChanges.length}}
<h2 style="font-size:16px;">Missing returns</h2>
{{#missing.length}}{{#missing}}<h3 style="font-size:14px;">{{directorate}}</h3><ul>{{#items}}<li>{{.}}</li>{{/items}}</ul>
{{/missing}}{{/missing.length}}
{{^missing.length}}<p>Every return is in.</p>{{/missing.length}}
<p>{{#attachmentNote}}{{attachmentNote}} {{/attachmentNote}}{{#attachedNames}}The report is attached as {{attachedNames}}.{{/attachedNames}}{{#reportUrl}} With an API token it is also at <a href="{{reportUrl}}">{{reportUrl}}</a>.{{/reportUrl}}</p>
</main>
</body>
</html>
`;

const textTemplate = `{{#reissued}}REISSUED: this replaces the report sent earlier for this quarter (revision {{revision}}).

{{/reissued}}{{heading}}: overall {{overall}}

{{#sentences}}{{.}}
{{/sentences}}
PROGRAMMES
{{#programmes}}- {{name}}: {{overall}}; planned work {{blueOrGreen}} blue/green, {{amberOrRed}} amber/red, {{noUpdate}} no update; measures {{met}} of {{measures}} met, {{amber}} amber, {{red}} red, {{noData}} no data
{{/programmes}}

CRITICAL ITEMS ({{criticalCount}})
{{#criticalGroups}}
{{programme}}
{{#items}}
{{kindLabel}} - {{title}}
Issue - {{issue}}
Remedial action - {{#remedialAction}}{{remedialAction}}{{/remedialAction}}{{^remedialAction}}{{remedialActionNeeded}}{{/remedialAction}}
{{/items}}{{/criticalGroups}}
{{#notSignedOff.length}}
NOT SIGNED OFF
{{#notSignedOff}}- {{title}}: not signed off
{{/notSignedOff}}{{/notSignedOff.length}}{{#targetChanges.length}}
TARGETS CHANGED AFTER THE QUARTER BEGAN
{{#targetChanges}}- {{title}}: {{note}}
{{/targetChanges}}{{/targetChanges.length}}

MISSING RETURNS
{{#missing}}{{directorate}}:
{{#items}}- {{.}}
{{/items}}{{/missing}}{{^missing.length}}Every return is in.
{{/missing.length}}
{{#attachmentNote}}{{attachmentNote}} {{/attachmentNote}}{{#attachedNames}}The report is attached as {{attachedNames}}.{{/attachedNames}}{{#reportUrl}} With an API token: {{reportUrl}}{{/reportUrl}}
`;

export interface CloseEmailOptions {
  from: string;
  to: string[];
  reportTitle: string;
  /** Public API base URL, for the report link; absent locally when unknown. */
  apiUrl?: string;
  reissued?: { revision: number };
  /** Attachments are left out above this many bytes of content (SES refuses raw messages over 10 MB after base64). */
  maxAttachmentBytes?: number;
  /** The Word draft (render-document); `null`: it could not be made, and the email says so. */
  wordDraft?: Buffer | null;
}

/** Base64 grows content by a third: 7 MB of attachments stays clear of SES's 10 MB message limit. */
export const defaultMaxAttachmentBytes = 7 * 1024 * 1024;

export function closeEmail(report: Report, options: CloseEmailOptions): OutgoingEmail {
  const subject = closeEmailSubject(report, options.reportTitle, options.reissued !== undefined);
  const reportUrl = options.apiUrl
    ? `${options.apiUrl.replace(/\/$/, '')}/reports/${report.quarter}?format=html`
    : null;
  const view = {
    ...reportView(report, options.reportTitle),
    subject,
    reportUrl,
    reissued: options.reissued !== undefined,
    revision: options.reissued?.revision,
  };
  const base = `ragtime-${report.quarter}`;
  // A very large plan's report would push the message past SES's limit: attach what
  // fits (the CSV first, then the HTML page) and say what was left out.
  // The Word draft (docs/documents.md) comes last: the CSV and the page carry every figure.
  const candidates: { filename: string; content: string | Buffer; contentType: string }[] = [
    { filename: `${base}.csv`, content: reportCsv(report), contentType: 'text/csv; charset=utf-8' },
    {
      filename: `${base}.html`,
      content: reportHtml(report, options.reportTitle),
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
  const omitted = listInWords(candidates.filter((c) => !attachments.includes(c)).map((c) => c.filename));
  const notes = [
    omitted
      ? `The full report is too large to attach in full (${omitted} left out)${reportUrl ? '; read it at the link below' : ''}.`
      : null,
    options.wordDraft === null
      ? `The Word draft (${base}.docx) could not be made for this email${reportUrl ? '; download it from the API with ?format=docx' : ''}.`
      : null,
  ].filter((note) => note !== null);
  const attachmentNote = notes.length ? notes.join(' ') : null;
  const full = {
    ...view,
    attachmentNote,
    attachedNames: listInWords(attachments.map((a) => attachmentLabel(a.filename))),
  };
  return {
    from: options.from,
    to: options.to,
    subject,
    html: Mustache.render(htmlTemplate, full),
    // Plain text: no HTML escaping wanted.
    text: Mustache.render(textTemplate, full, {}, { escape: (s: string) => s }),
    attachments,
  };
}

/** `a`, `a and b`, `a, b and c`. */
function listInWords(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** CSV, HTML, a Word draft: what a reader in Outlook recognises. */
function attachmentLabel(filename: string): string {
  const extension = filename.split('.').pop()!;
  return extension === 'docx' ? 'a Word draft (DOCX)' : extension.toUpperCase();
}
