// The EMT email's subject (docs/rules.md, "Quarter close"): the close sends it, and the
// web app's Close quarter page shows it before anything is sent, so both read it here.
import type { Language } from './language';
import { englishOnly, type ReportLanguageOptions } from './report-language';
import type { OverallStatus } from './types';
import { counted, fill, measureStatusWord, quarterLabel, wordsFor } from './words';

/** One language's part of the subject: the web app marks the parts not in the page's language. */
export interface SubjectPart {
  language: Language;
  text: string;
}

/**
 * `Corporate Improvement Plan 2017-18 Q4: overall AMBER, 9 critical items`; a reissue starts
 * `Reissued: `. One part per language of the report, Welsh first (`reportTitle` a string:
 * English only).
 */
export function closeEmailSubjectParts(
  report: { quarter: string; overall: OverallStatus; criticalItems: readonly unknown[] },
  reportTitle: string | ReportLanguageOptions,
  reissued: boolean,
): SubjectPart[] {
  const options = typeof reportTitle === 'string' ? englishOnly(reportTitle) : reportTitle;
  const count = report.criticalItems.length;
  return options.languages.map((language) => {
    const o = wordsFor(language).outputs;
    const heading = fill(o.heading, {
      title: options.titles[language],
      quarter: quarterLabel(report.quarter, language),
    });
    const overall = measureStatusWord(report.overall, language).toUpperCase();
    const subject = `${heading}: ${o.overall} ${overall}, ${fill(counted(o.criticalItemsCount, count), { count })}`;
    return { language, text: reissued ? fill(o.reissuedSubject, { subject }) : subject };
  });
}

/** The subject as the email has it: its parts joined by " / ". */
export const subjectOf = (parts: readonly SubjectPart[]): string => parts.map((part) => part.text).join(' / ');

/** The subject as the email has it (`closeEmailSubjectParts` joined). */
export function closeEmailSubject(
  report: { quarter: string; overall: OverallStatus; criticalItems: readonly unknown[] },
  reportTitle: string | ReportLanguageOptions,
  reissued: boolean,
): string {
  return subjectOf(closeEmailSubjectParts(report, reportTitle, reissued));
}
