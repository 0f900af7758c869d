// The EMT email's subject (docs/rules.md, "Quarter close"): the close sends it, and the
// web app's Close quarter page shows it before anything is sent, so both read it here.
import type { OverallStatus } from './types';
import { quarterLabel } from './words';

const overallWords: Record<OverallStatus, string> = { green: 'GREEN', amber: 'AMBER', red: 'RED' };

/** `Corporate Improvement Plan 2017-18 Q4: overall AMBER, 9 critical items`; a reissue starts `Reissued: `. */
export function closeEmailSubject(
  report: { quarter: string; overall: OverallStatus; criticalItems: readonly unknown[] },
  reportTitle: string,
  reissued: boolean,
): string {
  const count = report.criticalItems.length;
  const heading = `${reportTitle} ${quarterLabel(report.quarter, 'en')}`;
  const items = `${count} critical item${count === 1 ? '' : 's'}`;
  return `${reissued ? 'Reissued: ' : ''}${heading}: overall ${overallWords[report.overall]}, ${items}`;
}
