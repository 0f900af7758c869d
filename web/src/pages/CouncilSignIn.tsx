import { useFocusHeading } from '../components';

/**
 * AWS with federation only (docs/people.md "The sign-in page"): staff sign in with their
 * council account; anyone given a Ragtime account (the user pool's own users) still can.
 */
export function CouncilSignIn(props: { signInVia(via: 'council' | 'ragtime'): void }) {
  const heading = useFocusHeading(true, 'Sign in');
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-l" tabIndex={-1} ref={heading}>
          Sign in
        </h1>
        <p class="govuk-body">Use the account you sign in to your council computer and email with.</p>
        <button type="button" class="govuk-button govuk-button--start" onClick={() => props.signInVia('council')}>
          Sign in with your council account
        </button>
        <p class="govuk-body">
          If the performance team gave you a Ragtime account instead:{' '}
          <button type="button" class="app-link-button" onClick={() => props.signInVia('ragtime')}>
            Sign in with a Ragtime account
          </button>
        </p>
      </div>
    </div>
  );
}
