import { Fragment } from 'preact';
import type { SubjectPart } from '../../../lambdas/domain/close-subject';
import type { Language } from '../../../lambdas/domain/language';
import { useWords } from '../i18n';
import { englishNamesIn, inLanguage, type NameKind, nameIn } from '../names';

// The plan's own words in the language shown (SPEC §17), web/src/names.ts: the Welsh when
// there is one; else the English, marked lang="en" on a Welsh page.

export { inLanguage };

/** A user's text as a span, marked English on a Welsh page when it has no Welsh version. */
export function UserText({ en, cy }: { en: string; cy?: string | null | undefined }) {
  const { language } = useWords();
  return <Shown {...inLanguage(language, en, cy)} />;
}

/** A plan (`of` its id), programme or directorate (`of` its English name), named in the language shown. */
export function Name({ kind, of }: { kind: NameKind; of: string }) {
  const { language } = useWords();
  return <Shown {...nameIn(language, kind, of)} />;
}

/** Several names of one kind, separated by commas, each named as `Name` does. */
export function Names({ kind, of }: { kind: NameKind; of: readonly string[] }) {
  return of.map((name, i) => (
    <Fragment key={name}>
      {i > 0 && ', '}
      <Name kind={kind} of={name} />
    </Fragment>
  ));
}

/**
 * A sentence the domain generated (a critical item's issue) in the language shown; in Welsh,
 * any directorate it names in English marked lang="en".
 */
export function Sentence({ en, cy }: { en: string; cy?: string | null | undefined }) {
  const { language } = useWords();
  const shown = inLanguage(language, en, cy);
  if (shown.lang || language !== 'cy') return <UserText en={en} cy={cy} />;
  return englishNamesIn(shown.text).map((piece, i) => <Shown key={i} {...piece} />);
}

/**
 * The EMT email's subject exactly as the email has it, each language's part marked with its
 * `lang` when it is not the page's; an email stored before the parts were: unmarked.
 */
export function EmailSubject({ email }: { email: { subject: string; subjectParts?: readonly SubjectPart[] } }) {
  const { language } = useWords();
  if (!email.subjectParts) return email.subject;
  return email.subjectParts.map((part, i) => (
    <Fragment key={part.language}>
      {i > 0 && ' / '}
      <Shown text={part.text} {...(part.language !== language && { lang: part.language })} />
    </Fragment>
  ));
}

/** Words as shown: in a span marked with their `lang` when they are in the other language. */
function Shown({ text, lang }: { text: string; lang?: Language }) {
  return lang ? <span lang={lang}>{text}</span> : text;
}
