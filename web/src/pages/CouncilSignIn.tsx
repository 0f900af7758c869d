import { useFocusHeading } from '../components';
import { useWords } from '../i18n';

/**
 * AWS with federation only (docs/people.md "The sign-in page"): staff sign in with their
 * council account; anyone given a Ragtime account (the user pool's own users) still can.
 */
export function CouncilSignIn(props: { signInVia(via: 'council' | 'ragtime'): void }) {
  const w = useWords().t.admin.signIn;
  const heading = useFocusHeading(true, w.heading);
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-l" tabIndex={-1} ref={heading}>
          {w.heading}
        </h1>
        <p class="govuk-body">{w.councilIntro}</p>
        <button type="button" class="govuk-button govuk-button--start" onClick={() => props.signInVia('council')}>
          {w.withCouncil}
        </button>
        <p class="govuk-body">
          {w.ragtimeInstead}{' '}
          <button type="button" class="app-link-button" onClick={() => props.signInVia('ragtime')}>
            {w.withRagtime}
          </button>
        </p>
      </div>
    </div>
  );
}
