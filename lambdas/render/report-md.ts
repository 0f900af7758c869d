import type { Report } from '../domain/types';
import { reportView } from './view';

/**
 * Table cells: no pipes, line breaks or markup from user text. Link and image syntax
 * ([ ] ( ) !) is backslash-escaped so commentary cannot plant a link or a tracking
 * image; < and > become entities (no raw HTML, no autolinks).
 */
function cell(text: string | number | null): string {
  return String(text ?? '')
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\|[\]()!]/g, '\\$&')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** The seed's layout: summary, then critical items as Measure / Issue / Remedial action. */
export function reportMarkdown(report: Report, reportTitle: string): string {
  const view = reportView(report, reportTitle);
  const lines: string[] = [`# ${cell(view.heading)} performance report`, ''];
  lines.push(view.closed ? view.closedNote : 'Live preview: this quarter is not closed yet.', '');
  lines.push('## Summary', '', `Overall status: **${view.overall}**`, '');
  for (const sentence of view.sentences) lines.push(cell(sentence), '');
  lines.push(`## Critical items (${view.criticalCount})`, '');
  if (view.criticalItems.length === 0) lines.push('No critical items this quarter.', '');
  let programme: string | null = null;
  for (const item of view.criticalItems) {
    if (item.programme !== programme) {
      programme = item.programme;
      lines.push(`### ${cell(programme)}`, '');
    }
    lines.push(`**${item.kindLabel}** - ${cell(item.title)}`, '');
    lines.push(`**Issue** - ${cell(item.issue)}`, '');
    lines.push(`**Remedial action** - ${cell(item.remedialAction ?? item.remedialActionNeeded)}`, '');
  }
  lines.push(
    '## Programmes',
    '',
    '| Programme | Overall | Blue/green | Amber/red | No update | Measures | Met | Amber | Red | No data |',
    '|---|---|---|---|---|---|---|---|---|---|',
  );
  for (const p of view.programmes) {
    lines.push(
      `| ${cell(p.name)} | ${p.overall} | ${p.blueOrGreen} | ${p.amberOrRed} | ${p.noUpdate} | ${p.measures} | ${p.met} | ${p.amber} | ${p.red} | ${p.noData} |`,
    );
  }
  lines.push(
    '',
    '## Measures',
    '',
    '| Measure | Programme | Status | Actual | Target | Commentary |',
    '|---|---|---|---|---|---|',
  );
  for (const m of view.measures) {
    lines.push(
      `| ${cell(m.title)} | ${cell(m.programme)} | ${m.signOffNote ? `${m.status}; ${m.signOffNote}` : m.status} | ${cell(m.actual)} | ${cell(m.targetNote ? `${m.target}; ${m.targetNote}` : m.target)} | ${cell(m.commentary)} |`,
    );
  }
  lines.push('', '## Planned work', '', '| Action | Programme | Status | Commentary |', '|---|---|---|---|');
  for (const a of view.actions)
    lines.push(`| ${cell(a.title)} | ${cell(a.programme)} | ${a.status} | ${cell(a.commentary)} |`);
  lines.push('');
  return lines.join('\n');
}
