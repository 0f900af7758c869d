// The EMT email's subject (docs/rules.md, "Quarter close"): the close sends it, and the
// web app's Close quarter page shows it before anything is sent, so both read it here.
import { englishOnly, type ReportLanguageOptions } from './report-language';
import type { OverallStatus } from './types';
import { counted, fill, measureStatusWord, quarterLabel, wordsFor } from './words';

/**
 * `Corporate Improvement Plan 2017-18 Q4: overall AMBER, 9 critical items`; a reissue starts
 * `Reissued: `. In each of the report's languages, Welsh first, joined by " / "
 * (`reportTitle` a string: English only).
 */
export function closeEmailSubject(
  report: { quarter: string; overall: OverallStatus; criticalItems: readonly unknown[] },
  reportTitle: string | ReportLanguageOptions,
  reissued: boolean,
): string {
  const options = typeof reportTitle === 'string' ? englishOnly(reportTitle) : reportTitle;
  const count = report.criticalItems.length;
  return options.languages
    .map((language) => {
      const o = wordsFor(language).outputs;
      const heading = fill(o.heading, {
        title: options.titles[language],
        quarter: quarterLabel(report.quarter, language),
      });
      const overall = measureStatusWord(report.overall, language).toUpperCase();
      const subject = `${heading}: ${o.overall} ${overall}, ${fill(counted(o.criticalItemsCount, count), { count })}`;
      return reissued ? fill(o.reissuedSubject, { subject }) : subject;
    })
    .join(' / ');
}
