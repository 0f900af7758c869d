import { useEffect, useState } from 'preact/hooks';
import type { Role } from '../api';
import type { LocalPerson } from '../auth/local';
import { ErrorSummary, type FieldError, useFocusHeading } from '../components';

const roles: Role[] = ['officer', 'approver', 'emt', 'admin'];

/** Local mode only: choose a role and directorate; the local server mints the token. */
export function SignIn(props: {
  directorates: string[];
  signInAs(role: string, directorate: string): Promise<string | null>;
  signInAsPerson?(email: string): Promise<string | null>;
  people?(): Promise<LocalPerson[]>;
  done(): void;
}) {
  const [people, setPeople] = useState<LocalPerson[]>([]);
  const [person, setPerson] = useState('');
  useEffect(() => {
    props.people?.().then((list) => {
      setPeople(list);
      setPerson(list[0]?.email ?? '');
    });
  }, []);
  const usePerson = async (event: Event) => {
    event.preventDefault();
    const failure = await props.signInAsPerson?.(person);
    if (failure) setErrors([{ field: 'person', message: failure }]);
    else props.done();
  };
  const [role, setRole] = useState<string>('officer');
  const [directorate, setDirectorate] = useState(props.directorates[0] ?? '');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const heading = useFocusHeading(true, 'Sign in (local mode)');
  const submit = async (event: Event) => {
    event.preventDefault();
    const needsDirectorate = role === 'officer' || role === 'approver';
    const failure = await props.signInAs(role, needsDirectorate ? directorate : '');
    if (failure) setErrors([{ field: 'role', message: failure }]);
    else props.done();
  };
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <strong class="govuk-tag app-tag--grey">Local mode</strong>
        <h1 class="govuk-heading-l govuk-!-margin-top-3" tabIndex={-1} ref={heading}>
          Sign in
        </h1>
        <p class="govuk-body">
          Local mode: there are no passwords. Choose who to be; the local server signs a token for that role. Officers
          and approvers act for their directorate.
        </p>
        {people.length > 0 && (
          <form onSubmit={usePerson} noValidate>
            <h2 class="govuk-heading-m">People in the table</h2>
            <div class="govuk-form-group">
              <label class="govuk-label" for="person">
                Person
              </label>
              <div class="govuk-hint" id="person-hint">
                With the roles and directorate their record gives them on the People page
              </div>
              <select
                class="govuk-select"
                id="person"
                name="person"
                aria-describedby="person-hint"
                value={person}
                onChange={(e) => setPerson(e.currentTarget.value)}
              >
                {people.map((p) => (
                  <option key={p.email} value={p.email}>
                    {p.email} ({p.roles.join(', ') || 'no role'}
                    {p.directorate ? `, ${p.directorate}` : ''})
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">
              Continue as this person
            </button>
          </form>
        )}
        <h2 class="govuk-heading-m">Any role, for trying things out</h2>
        <form onSubmit={submit} noValidate>
          <div class="govuk-form-group">
            <label class="govuk-label" for="role">
              Role
            </label>
            <select
              class="govuk-select"
              id="role"
              name="role"
              value={role}
              onChange={(e) => setRole(e.currentTarget.value)}
            >
              {roles.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          </div>
          <div class="govuk-form-group">
            <label class="govuk-label" for="directorate">
              Directorate
            </label>
            <div class="govuk-hint" id="directorate-hint">
              For officers and approvers.
            </div>
            <select
              class="govuk-select"
              id="directorate"
              name="directorate"
              aria-describedby="directorate-hint"
              value={directorate}
              onChange={(e) => setDirectorate(e.currentTarget.value)}
            >
              {props.directorates.map((d) => (
                <option key={d} value={d}>
                  {d}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" class="govuk-button" data-module="govuk-button">
            Sign in
          </button>
        </form>
      </div>
    </div>
  );
}
