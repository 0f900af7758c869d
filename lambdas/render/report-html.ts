import Mustache from 'mustache';
import { englishOnly, type ReportLanguageOptions, reportIn } from '../domain/report-language';
import type { Report } from '../domain/types';
import { fill } from '../domain/words';
import { statusCss } from './status-words';
import { englishTitle, reportView } from './view';

// Mustache escapes every {{value}} by default: user text (titles, commentary,
// remedial actions) can never become markup.
const part = `<div lang="{{lang}}">
<header>
<h1>{{pageTitle}}</h1>
<p>{{#closed}}{{closedNote}}{{/closed}}{{^closed}}{{t.livePreview}}{{/closed}}</p>
</header>
<main>
<h2>{{t.summary}}</h2>
<p>{{t.overallStatus}} <span style="{{overallStyle}}">{{overall}}</span></p>
{{#sentences}}<p>{{.}}</p>
{{/sentences}}
<h2>{{criticalHeading}}</h2>
{{#criticalItems.length}}
<table>
<caption>{{t.criticalCaption}}</caption>
<thead><tr><th scope="col">{{t.item}}</th><th scope="col">{{t.programme}}</th><th scope="col">{{t.issue}}</th><th scope="col">{{t.remedialAction}}</th></tr></thead>
<tbody>
{{#criticalItems}}<tr><td>{{kindLabel}}: {{> title}}</td><td{{#programmeEn}} lang="en"{{/programmeEn}}>{{programme}}</td><td>{{issue}}</td><td>{{#remedialAction}}{{remedialAction}}{{#remedialOwner}} ({{remedialOwner}}){{/remedialOwner}}{{#remedialDue}} ({{remedialDue}}){{/remedialDue}}{{/remedialAction}}{{^remedialAction}}<strong>{{remedialActionNeeded}}</strong>{{/remedialAction}}</td></tr>
{{/criticalItems}}
</tbody>
</table>
{{/criticalItems.length}}
{{^criticalItems.length}}<p>{{t.noCriticalItems}}</p>{{/criticalItems.length}}
<h2>{{t.programmes}}</h2>
<table>
<caption>{{t.programmesCaption}}</caption>
<thead><tr><th scope="col">{{t.programme}}</th>{{> rollUpHead}}
<tbody>
{{#programmes}}<tr><th scope="row"{{#nameEn}} lang="en"{{/nameEn}}>{{name}}</th><td><span style="{{overallStyle}}">{{overall}}</span></td><td>{{blueOrGreen}}</td><td>{{amberOrRed}}</td><td>{{noUpdate}}</td><td>{{measures}}</td><td>{{met}}</td><td>{{amber}}</td><td>{{red}}</td><td>{{noData}}</td></tr>
{{/programmes}}
</tbody>
</table>
<h2>{{t.directorates}}</h2>
<table>
<caption>{{t.directoratesCaption}}</caption>
<thead><tr><th scope="col">{{t.directorate}}</th>{{> rollUpHead}}
<tbody>
{{#directorates}}<tr><th scope="row"{{#nameEn}} lang="en"{{/nameEn}}>{{name}}</th><td><span style="{{overallStyle}}">{{overall}}</span></td><td>{{blueOrGreen}}</td><td>{{amberOrRed}}</td><td>{{noUpdate}}</td><td>{{measures}}</td><td>{{met}}</td><td>{{amber}}</td><td>{{red}}</td><td>{{noData}}</td></tr>
{{/directorates}}
</tbody>
</table>
<h2>{{t.measures}}</h2>
<table>
<caption>{{t.measuresCaption}}</caption>
<thead><tr><th scope="col">{{t.measure}}</th><th scope="col">{{t.programme}}</th><th scope="col">{{t.directorate}}</th><th scope="col">{{t.status}}</th><th scope="col">{{t.actual}}</th><th scope="col">{{t.target}}</th><th scope="col">{{t.againstLastQuarter}}</th><th scope="col">{{t.againstLastYear}}</th><th scope="col">{{t.commentary}}</th></tr></thead>
<tbody>
{{#measures}}<tr><th scope="row"{{#titleEn}} lang="en"{{/titleEn}}>{{title}}</th>{{> names}}<td><span class="status status-{{statusKey}}">{{status}}</span>{{#signOffNote}} <em>({{signOffNote}})</em>{{/signOffNote}}</td><td>{{actual}}</td><td>{{target}}{{#targetNote}} <em>({{targetNote}})</em>{{/targetNote}}</td><td>{{trendPrevious}}</td><td>{{trendLastYear}}</td><td>{{commentary}}</td></tr>
{{/measures}}
</tbody>
</table>
<h2>{{t.plannedWork}}</h2>
<table>
<caption>{{t.actionsCaption}}</caption>
<thead><tr><th scope="col">{{t.action}}</th><th scope="col">{{t.programme}}</th><th scope="col">{{t.directorate}}</th><th scope="col">{{t.status}}</th><th scope="col">{{t.commentary}}</th></tr></thead>
<tbody>
{{#actions}}<tr><th scope="row"{{#titleEn}} lang="en"{{/titleEn}}>{{title}}</th>{{> names}}<td><span class="status status-{{statusKey}}">{{status}}</span></td><td>{{commentary}}</td></tr>
{{/actions}}
</tbody>
</table>
<h2>{{t.missingReturns}}</h2>
{{#missing.length}}<ul>
{{#missing}}<li>{{#directorateEn}}<span lang="en">{{directorate}}</span>{{/directorateEn}}{{^directorateEn}}{{directorate}}{{/directorateEn}}<ul>{{#items}}<li>{{kindLabel}}: {{> title}}</li>{{/items}}</ul></li>
{{/missing}}</ul>{{/missing.length}}
{{^missing.length}}<p>{{t.everyReturnIn}}</p>{{/missing.length}}
</main>
</div>
`;

const rollUpHead = `<th scope="col">{{t.overallColumn}}</th><th scope="col">{{t.plannedWorkBlueOrGreen}}</th><th scope="col">{{t.plannedWorkAmberOrRed}}</th><th scope="col">{{labels.noUpdate}}</th><th scope="col">{{t.measures}}</th><th scope="col">{{t.met}}</th><th scope="col">{{labels.amber}}</th><th scope="col">{{labels.red}}</th><th scope="col">{{labels.noData}}</th></tr></thead>`;

/** A measure's or planned work's programme and directorate cells, each marked English where the plan has no Welsh. */
const names =
  '<td{{#programmeEn}} lang="en"{{/programmeEn}}>{{programme}}</td><td{{#ownerDirectorateEn}} lang="en"{{/ownerDirectorateEn}}>{{ownerDirectorate}}</td>';

const page = `<!DOCTYPE html>
<html lang="{{lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{title}}</title>
<style>
body { font-family: Arial, Helvetica, sans-serif; color: #0b0c0c; margin: 1.5rem; line-height: 1.4; }
table { border-collapse: collapse; margin: 0 0 1.5rem; }
th, td { border: 1px solid #b1b4b6; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f3f2f1; }
caption { text-align: left; font-weight: bold; padding: 4px 0; }
.status { font-weight: bold; padding: 2px 6px; }
{{{statusCss}}}
</style>
</head>
<body>
{{#parts}}{{#separator}}<hr>
{{/separator}}{{> part}}{{/parts}}</body>
</html>
`;

/** The report page: one part per language of the report, Welsh first, each with its `lang` (English only when no `languages`). */
export function reportHtml(report: Report, reportTitle: string, languages?: ReportLanguageOptions): string {
  const options = languages ?? englishOnly(reportTitle);
  const parts = options.languages.map((language, i) => {
    const view = reportView(reportIn(report, language, options), options.titles[language], language, options.namesCy);
    return {
      ...view,
      separator: i > 0,
      pageTitle: fill(view.t.pageTitle, { heading: view.heading }),
    };
  });
  // statusCss is our own constant, the one unescaped value.
  return Mustache.render(
    page,
    { lang: parts[0]!.lang, title: parts.map((p) => p.pageTitle).join(' / '), parts, statusCss },
    { part, rollUpHead, names, title: englishTitle },
  );
}
