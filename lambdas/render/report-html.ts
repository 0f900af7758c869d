import Mustache from 'mustache';
import type { Report } from '../domain/types';
import { statusCss } from './status-words';
import { reportView } from './view';

// Mustache escapes every {{value}} by default: user text (titles, commentary,
// remedial actions) can never become markup.
const page = `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{heading}} performance report</title>
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
<header>
<h1>{{heading}} performance report</h1>
<p>{{#closed}}{{closedNote}}{{/closed}}{{^closed}}Live preview: this quarter is not closed yet and its figures may change.{{/closed}}</p>
</header>
<main>
<h2>Summary</h2>
<p>Overall status: <span style="{{overallStyle}}">{{overall}}</span></p>
{{#sentences}}<p>{{.}}</p>
{{/sentences}}
<h2>Critical items ({{criticalCount}})</h2>
{{#criticalItems.length}}
<table>
<caption>Critical items needing remedial action</caption>
<thead><tr><th scope="col">Item</th><th scope="col">Programme</th><th scope="col">Issue</th><th scope="col">Remedial action</th></tr></thead>
<tbody>
{{#criticalItems}}<tr><td>{{kindLabel}}: {{title}}</td><td>{{programme}}</td><td>{{issue}}</td><td>{{#remedialAction}}{{remedialAction}}{{#remedialOwner}} (owner: {{remedialOwner}}){{/remedialOwner}}{{#remedialDue}} (due {{remedialDue}}){{/remedialDue}}{{/remedialAction}}{{^remedialAction}}<strong>{{remedialActionNeeded}}</strong>{{/remedialAction}}</td></tr>
{{/criticalItems}}
</tbody>
</table>
{{/criticalItems.length}}
{{^criticalItems.length}}<p>No critical items this quarter.</p>{{/criticalItems.length}}
<h2>Programmes</h2>
<table>
<caption>Status by programme</caption>
<thead><tr><th scope="col">Programme</th><th scope="col">Overall</th><th scope="col">Planned work blue or green</th><th scope="col">Planned work amber or red</th><th scope="col">No update</th><th scope="col">Measures</th><th scope="col">Met</th><th scope="col">Amber</th><th scope="col">Red</th><th scope="col">No data</th></tr></thead>
<tbody>
{{#programmes}}<tr><th scope="row">{{name}}</th><td><span style="{{overallStyle}}">{{overall}}</span></td><td>{{blueOrGreen}}</td><td>{{amberOrRed}}</td><td>{{noUpdate}}</td><td>{{measures}}</td><td>{{met}}</td><td>{{amber}}</td><td>{{red}}</td><td>{{noData}}</td></tr>
{{/programmes}}
</tbody>
</table>
<h2>Directorates</h2>
<table>
<caption>Status by directorate</caption>
<thead><tr><th scope="col">Directorate</th><th scope="col">Overall</th><th scope="col">Planned work blue or green</th><th scope="col">Planned work amber or red</th><th scope="col">No update</th><th scope="col">Measures</th><th scope="col">Met</th><th scope="col">Amber</th><th scope="col">Red</th><th scope="col">No data</th></tr></thead>
<tbody>
{{#directorates}}<tr><th scope="row">{{name}}</th><td><span style="{{overallStyle}}">{{overall}}</span></td><td>{{blueOrGreen}}</td><td>{{amberOrRed}}</td><td>{{noUpdate}}</td><td>{{measures}}</td><td>{{met}}</td><td>{{amber}}</td><td>{{red}}</td><td>{{noData}}</td></tr>
{{/directorates}}
</tbody>
</table>
<h2>Measures</h2>
<table>
<caption>Every measure this quarter</caption>
<thead><tr><th scope="col">Measure</th><th scope="col">Programme</th><th scope="col">Directorate</th><th scope="col">Status</th><th scope="col">Actual</th><th scope="col">Target</th><th scope="col">Against last quarter</th><th scope="col">Against last year</th><th scope="col">Commentary</th></tr></thead>
<tbody>
{{#measures}}<tr><th scope="row">{{title}}</th><td>{{programme}}</td><td>{{ownerDirectorate}}</td><td><span class="status status-{{statusKey}}">{{status}}</span>{{#signOffNote}} <em>({{signOffNote}})</em>{{/signOffNote}}</td><td>{{actual}}</td><td>{{target}}{{#targetNote}} <em>({{targetNote}})</em>{{/targetNote}}</td><td>{{trendPrevious}}</td><td>{{trendLastYear}}</td><td>{{commentary}}</td></tr>
{{/measures}}
</tbody>
</table>
<h2>Planned work</h2>
<table>
<caption>Every action due this quarter</caption>
<thead><tr><th scope="col">Action</th><th scope="col">Programme</th><th scope="col">Directorate</th><th scope="col">Status</th><th scope="col">Commentary</th></tr></thead>
<tbody>
{{#actions}}<tr><th scope="row">{{title}}</th><td>{{programme}}</td><td>{{ownerDirectorate}}</td><td><span class="status status-{{statusKey}}">{{status}}</span></td><td>{{commentary}}</td></tr>
{{/actions}}
</tbody>
</table>
<h2>Missing returns</h2>
{{#missing.length}}<ul>
{{#missing}}<li>{{directorate}}<ul>{{#items}}<li>{{.}}</li>{{/items}}</ul></li>
{{/missing}}</ul>{{/missing.length}}
{{^missing.length}}<p>Every return is in.</p>{{/missing.length}}
</main>
</body>
</html>
`;

export function reportHtml(report: Report, reportTitle: string): string {
  // statusCss is our own constant, the one unescaped value.
  return Mustache.render(page, { ...reportView(report, reportTitle), statusCss });
}
