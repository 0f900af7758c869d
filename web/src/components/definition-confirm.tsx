import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { fill, useWords, type WebWords } from '../i18n';
import { periodLabel } from '../words';

// The two questions the measure and planned-work editors ask before a change that is hard to
// see coming (docs/web-app.md "Admin: measures and planned work"): retiring a definition, and
// saving a retired one, which brings it back into the plan (the PUT replaces the definition,
// and a definition saved has no `retiredFrom`). The question's heading takes focus when it opens.

export type Question = 'retire' | 'bring-back' | null;

/** A kind of definition's own words: the catalogue's `editors.measure` or `editors.action`. */
export type KindWords = WebWords['editors']['measure'] | WebWords['editors']['action'];

/** `This measure was retired from 2018-19 Q1. Save will bring it back into the plan.` */
export const bringBackWords = (kind: KindWords, retiredFrom: string) =>
  fill(kind.bringBack, { quarter: periodLabel(retiredFrom) });

function Confirm(props: {
  heading: string;
  children: ComponentChildren;
  yes: string;
  warning: boolean;
  busy: boolean;
  onYes(): void;
  onCancel(): void;
}) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  const w = useWords().t.editors.editor;
  return (
    <div class={props.warning ? 'app-confirm' : 'app-confirm app-confirm--info'}>
      <h2 class="govuk-heading-m" tabIndex={-1} ref={ref}>
        {props.heading}
      </h2>
      <p class="govuk-body">{props.children}</p>
      <div class="govuk-button-group">
        <button
          type="button"
          class={props.warning ? 'govuk-button govuk-button--warning' : 'govuk-button'}
          disabled={props.busy}
          aria-disabled={props.busy}
          onClick={props.onYes}
        >
          {props.yes}
        </button>
        <button type="button" class="govuk-button govuk-button--secondary" onClick={props.onCancel}>
          {w.cancel}
        </button>
      </div>
    </div>
  );
}

/**
 * `Retire …?` (`Yes, retire measure`) or, for a retired definition, `Bring … back into the
 * plan?` (`Yes, save and bring it back`), whichever `question` asks; nothing otherwise.
 */
export function DefinitionQuestion(props: {
  question: Question;
  /** The kind's words (`kept`: what retiring keeps, in a sentence: `Its results, …`). */
  kind: KindWords;
  title: string;
  retiredFrom: string | undefined;
  busy: boolean;
  retire(): void;
  save(): void;
  cancel(): void;
}) {
  const w = useWords().t.editors.editor;
  if (props.question === 'retire')
    return (
      <Confirm
        heading={fill(w.retireHeading, { title: props.title })}
        yes={props.kind.yesRetire}
        warning
        busy={props.busy}
        onYes={props.retire}
        onCancel={props.cancel}
      >
        {fill(w.retireText, { kept: props.kind.kept })}
      </Confirm>
    );
  if (props.question === 'bring-back' && props.retiredFrom)
    return (
      <Confirm
        heading={fill(w.bringBackHeading, { title: props.title })}
        yes={w.yesBringBack}
        warning={false}
        busy={props.busy}
        onYes={props.save}
        onCancel={props.cancel}
      >
        {bringBackWords(props.kind, props.retiredFrom)}
      </Confirm>
    );
  return null;
}
