import { useEffect, useState } from 'preact/hooks';
import type { Role } from '../api';
import type { LocalPerson } from '../auth/local';
import { ErrorSummary, type FieldError, Select, useFocusHeading } from '../components';
import { useWords } from '../i18n';
import { rolesAndDirectorate, roleWords } from '../words';

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
  const w = useWords().t.admin.signIn;
  const heading = useFocusHeading(true, w.title);
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
        <strong class="govuk-tag app-tag--grey">{w.localMode}</strong>
        <h1 class="govuk-heading-l govuk-!-margin-top-3" tabIndex={-1} ref={heading}>
          {w.heading}
        </h1>
        <p class="govuk-body">{w.intro}</p>
        {people.length > 0 && (
          <form onSubmit={usePerson} noValidate>
            <h2 class="govuk-heading-m">{w.peopleHeading}</h2>
            <Select
              id="person"
              label={w.person}
              hint={w.personHint}
              value={person}
              choices={people.map((p) => ({
                value: p.email,
                label: `${p.name ?? p.email} (${rolesAndDirectorate(p.roles as Role[], p.directorate)})`,
              }))}
              onChange={setPerson}
            />
            <button type="submit" class="govuk-button govuk-button--secondary">
              {w.continueAs}
            </button>
          </form>
        )}
        <h2 class="govuk-heading-m">{w.anyRole}</h2>
        <form onSubmit={submit} noValidate>
          <Select
            id="role"
            label={w.role}
            value={role}
            choices={roles.map((r) => ({ value: r, label: roleWords[r] }))}
            onChange={setRole}
          />
          <Select
            id="directorate"
            label={w.directorate}
            hint={w.directorateHint}
            value={directorate}
            choices={props.directorates.map((d) => ({ value: d, label: d }))}
            onChange={setDirectorate}
          />
          <button type="submit" class="govuk-button">
            {w.heading}
          </button>
        </form>
      </div>
    </div>
  );
}
