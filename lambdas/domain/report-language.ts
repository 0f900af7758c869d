// A report in one language (docs/cymraeg.md, docs/documents.md): the outputs render the
// same report once per language of the setting `reportLanguages`, Welsh first. The
// figures are the report's own in every language; only words change: the sentences and
// issues the report carries in both languages, the plan's Welsh titles and names, and
// the outputs' labels (words.ts). Where a Welsh title or name is missing, the English.
import { type Language, type ReportLanguages, reportLanguageList } from './language';
import { own } from './own';
import type { Settings } from './settings';
import type { CriticalItem, Report, ReportAction, ReportMeasure, RollUp } from './types';

/** What the outputs need to write a report in each of its languages. */
export interface ReportLanguageOptions {
  /** The languages in the order they appear: Welsh first. */
  languages: Language[];
  /** The report's title (the plan's name with ?plan=) in each language. */
  titles: Record<Language, string>;
  /** Programmes and directorates in Welsh, by their English name. */
  namesCy: { programmes: Record<string, string>; directorates: Record<string, string> };
  /** The Cabinet draft's frame (docs/documents.md); absent: every field left to be written. */
  cabinet?: Settings['cabinetReport'];
}

/** English only, titled `title`, with no Welsh names: what an output says when given no settings. */
export const englishOnly = (title: string): ReportLanguageOptions => ({
  languages: ['en'],
  titles: { en: title, cy: title },
  namesCy: { programmes: {}, directorates: {} },
});

/** The outputs' languages and words from the settings in force; `plan` titles it with the plan's names. */
export function reportLanguageOptions(
  settings: Pick<Settings, 'reportTitle' | 'planNames' | 'namesCy' | 'reportLanguages' | 'cabinetReport'>,
  plan?: string,
  languages: ReportLanguages = settings.reportLanguages,
): ReportLanguageOptions {
  const en = plan ? (own(settings.planNames, plan) ?? settings.reportTitle) : settings.reportTitle;
  const namesCy = settings.namesCy;
  const cy = (plan ? own(namesCy.plans, plan) : namesCy.reportTitle) ?? namesCy.reportTitle ?? en;
  return {
    languages: reportLanguageList(languages),
    titles: { en, cy },
    namesCy: { programmes: namesCy.programmes, directorates: namesCy.directorates },
    cabinet: settings.cabinetReport,
  };
}

type ReportLike = Pick<Report, 'summary' | 'programmes' | 'directorates' | 'measures' | 'actions' | 'criticalItems'>;

/**
 * The report with its words in `language`: English as it is; Welsh with the Welsh
 * sentences and issues, and Welsh titles and names where the plan has them (else the
 * English). Figures, ids and order are untouched.
 */
export function reportIn<R extends ReportLike>(report: R, language: Language, options: ReportLanguageOptions): R {
  if (language === 'en') return report;
  const programme = (name: string) => own(options.namesCy.programmes, name) ?? name;
  const directorate = (name: string) => own(options.namesCy.directorates, name) ?? name;
  const rollUp = (name: (n: string) => string) => (r: RollUp) => ({
    ...r,
    name: name(r.name),
    summary: { ...r.summary, sentences: r.summary.sentencesCy ?? r.summary.sentences },
  });
  const item = <T extends ReportMeasure | ReportAction | CriticalItem>(i: T): T => ({
    ...i,
    title: i.titleCy ?? i.title,
    programme: programme(i.programme),
    ownerDirectorate: directorate(i.ownerDirectorate),
  });
  return {
    ...report,
    summary: { ...report.summary, sentences: report.summary.sentencesCy ?? report.summary.sentences },
    programmes: report.programmes.map(rollUp(programme)),
    directorates: report.directorates.map(rollUp(directorate)),
    measures: report.measures.map((m) => ({
      ...item(m),
      directorates: m.directorates.map((d) => ({ ...d, name: directorate(d.name) })),
    })),
    actions: report.actions.map(item),
    criticalItems: report.criticalItems.map((c) => ({ ...item(c), issue: c.issueCy ?? c.issue })),
  };
}
