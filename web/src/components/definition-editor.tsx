import type { ComponentChildren } from 'preact';
import type { Answer } from '../api';
import { type Identity, planChoices } from '../definition-choices';
import { type DefinitionEditor, type Loaded, listPaths } from '../hooks/use-definition-editor';
import { fill, useWords } from '../i18n';
import { DefinitionConflict } from './conflict';
import { bringBackWords, DefinitionQuestion } from './definition-confirm';
import { type EditorProps, IdentityFields } from './definition-fields';
import { DefinitionHistory } from './definition-history';
import { ErrorSummary, Loading, ProblemPage, useFocusHeading } from './index';
import { TableScroll } from './table';

// The page both definition editors are (docs/web-app.md "Admin: measures and planned work"):
// back to the list, the error summary, the heading, someone else's version after a 412, the
// form (its fields are the editor's own), `Save` and `Retire …`, the question asked before
// retiring or bringing back, and the definition history. Typing in the form makes leaving
// the page ask first (hooks/use-unsaved-changes.ts), until a save or a retire moves on.

export function DefinitionEditorPage<
  D extends { id: string; plan: string; title: string; titleCy?: string; retiredFrom?: string },
>(props: {
  /** null: a new definition. */
  id: string | null;
  kind: 'measure' | 'action';
  editor: DefinitionEditor<D, Identity>;
  /** The plans the settings name, for the Plan select. */
  plans: EditorProps['plans'];
  /** Under the heading, for a definition that exists (the measure's page link). */
  intro?(definition: D): ComponentChildren;
  /** The form's fields after the ID, Plan, Programme and Title. */
  fields(loaded: Loaded<D>): ComponentChildren;
  submit(bringBack: boolean): void;
  retire(definition: D): Promise<Answer<{ title: string; retiredFrom?: string }>>;
}) {
  const { language, t } = useWords();
  const w = t.editors[props.kind];
  const { editor, id } = props;
  const loaded = editor.loaded.data;
  const shown = loaded?.definition;
  // The title in the language shown: the English where there is no Welsh, marked lang="en".
  const english = language === 'cy' && shown !== null && shown !== undefined && !shown.titleCy;
  const title = id === null ? w.add : (language === 'cy' && shown?.titleCy) || shown?.title || w.heading;
  const heading = useFocusHeading(loaded !== undefined, title);
  const failed = editor.loaded.failed;
  if (failed)
    return failed.status === 404 ? (
      <ProblemPage title={t.problems.notFoundTitle} detail={fill(w.notFound, { id: id ?? '' })} />
    ) : (
      <ProblemPage title={w.notLoaded} detail={failed.problem.detail ?? t.editors.editor.tryAgain} />
    );
  if (!loaded) return <Loading />;
  const definition = loaded.definition;
  return (
    <>
      <a href={listPaths[props.kind]} class="govuk-back-link">
        {w.back}
      </a>
      <ErrorSummary errors={editor.errors} />
      {id !== null && <span class="govuk-caption-l">{w.caption}</span>}
      <h1 class="govuk-heading-l" tabIndex={-1} ref={heading} lang={english ? 'en' : undefined}>
        {title}
      </h1>
      <DefinitionConflict conflict={editor.conflict} word={props.kind === 'measure' ? 'measure' : 'planned work'} />
      {definition && props.intro?.(definition)}
      {definition?.retiredFrom && <div class="govuk-inset-text">{bringBackWords(w, definition.retiredFrom)}</div>}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          props.submit(false);
        }}
        onInput={editor.touch}
        onChange={editor.touch}
        noValidate
      >
        <IdentityFields
          id={id}
          kind={w}
          typed={editor.typed}
          plans={planChoices(props.plans, loaded.inUse, definition?.plan ?? '')}
          inUse={loaded.inUse}
          errorOf={editor.errorOf}
          set={editor.set}
        />
        {props.fields(loaded)}
        <div class="govuk-button-group">
          <button type="submit" class="govuk-button" disabled={editor.busy} aria-disabled={editor.busy}>
            {t.editors.editor.save}
          </button>
          {definition && !definition.retiredFrom && editor.question !== 'retire' && (
            <button
              type="button"
              id="retire"
              class="govuk-button govuk-button--warning"
              onClick={() => editor.ask('retire')}
            >
              {w.retire}
            </button>
          )}
        </div>
      </form>
      {definition && (
        <DefinitionQuestion
          question={editor.question}
          kind={w}
          title={definition.title}
          retiredFrom={definition.retiredFrom}
          busy={editor.busy}
          retire={() => editor.retire(() => props.retire(definition))}
          save={() => props.submit(true)}
          cancel={() => editor.ask(null)}
        />
      )}
      {loaded.versions.length > 0 && (
        <TableScroll>
          <DefinitionHistory versions={loaded.versions} />
        </TableScroll>
      )}
    </>
  );
}
