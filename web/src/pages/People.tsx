import { useState } from 'preact/hooks';
import type { Api, Person, Role } from '../api';
import {
  Checkboxes,
  ErrorSummary,
  type FieldError,
  Loading,
  Select,
  SuccessBanner,
  TextInput,
  textFieldsOf,
  useFocusHeading,
} from '../components';
import { ConflictPanel, savedBy } from '../components/conflict';
import { StackCell, TableHead } from '../components/table';
import { useData } from '../hooks/use-data';
import { useVersionedSave } from '../hooks/use-versioned-save';
import { fill, useWords, type WebWords } from '../i18n';
import { nameChoice } from '../names';
import { rolesAndDirectorate, roleWords } from '../words';

// People (admins, docs/people.md): who holds which role. A change reaches the person's
// ID token the next time it is issued (within the hour).

const roles: Role[] = ['officer', 'approver', 'emt', 'admin'];
type PeopleWords = WebWords['admin']['people'];
const needsDirectorate = (roles: Role[]) => roles.includes('officer') || roles.includes('approver');

const personWords = (p: Person) => rolesAndDirectorate(p.roles, p.directorate);
/** A person as the page names them: their name, else their email (SPEC §12). */
const nameOf = (p: Person) => p.name ?? p.email;

/** Field ids by the API's JSON Pointer, for the error summary's links. */
const fieldOf = (path: string) =>
  path.startsWith('/roles')
    ? 'role-officer'
    : path.startsWith('/directorate')
      ? 'directorate'
      : path.startsWith('/name')
        ? 'name'
        : 'email';

function PersonForm(props: {
  api: Api;
  directorates: string[];
  editing: Person | null;
  saved(message: string): void;
  cancel(): void;
}) {
  const [typed, setTyped] = useState({ email: props.editing?.email ?? '', name: props.editing?.name ?? '' });
  const { email, name } = typed;
  const [chosenRoles, setRoles] = useState<Role[]>(props.editing?.roles ?? []);
  const [directorate, setDirectorate] = useState(props.editing?.directorate ?? '');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const { language, t } = useWords();
  const w: PeopleWords = t.admin.people;
  const versioned = useVersionedSave<Person>(async () => {
    const now = await props.api.person(email.trim());
    return now.ok ? { etag: now.etag, version: now.data } : null;
  });
  const toggle = (role: Role) =>
    setRoles((now) => (now.includes(role) ? now.filter((r) => r !== role) : [...now, role]));
  const submit = async (event: Event) => {
    event.preventDefault();
    const local: FieldError[] = [];
    if (!/^[^\s@]+@[^\s@]+$/.test(email.trim())) local.push({ field: 'email', message: w.enterEmail });
    if (needsDirectorate(chosenRoles) && !directorate)
      local.push({ field: 'directorate', message: w.selectDirectorate });
    if (local.length) {
      setErrors(local);
      return;
    }
    const body = { roles: chosenRoles, ...(directorate && { directorate }), ...(name.trim() && { name: name.trim() }) };
    const loaded = props.editing ? `"${props.editing.version}"` : undefined;
    await versioned.save(loaded, (ifMatch) => props.api.putPerson(email.trim(), body, ifMatch), {
      saved: (person) => {
        setErrors([]);
        props.saved(fill(w.saved, { name: nameOf(person), roles: personWords(person) }));
      },
      conflicted: () =>
        setErrors([
          {
            field: 'role-officer',
            message: w.conflictError,
          },
        ]),
      refused: (problem, status) => {
        const fields = (problem.errors ?? []).map((e) => ({ field: fieldOf(e.path), message: e.message }));
        // 409: the roles would lock the admins out (your own admin role, or the last admin's).
        const field = status === 409 ? 'role-officer' : 'email';
        setErrors(fields.length ? fields : [{ field, message: problem.detail ?? w.refused }]);
      },
    });
  };
  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  const field = textFieldsOf(typed, errorOf, (patch) => setTyped((now) => ({ ...now, ...patch })));
  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary errors={errors} />
      <h2 class="govuk-heading-m">{props.editing ? fill(w.change, { name: nameOf(props.editing) }) : w.add}</h2>
      {versioned.conflict && (
        <ConflictPanel heading={w.conflictHeading}>
          <p class="govuk-body">
            {fill(w.conflict, { saved: savedBy(versioned.conflict), roles: personWords(versioned.conflict) })}
          </p>
        </ConflictPanel>
      )}
      <TextInput
        {...field('email')}
        type="email"
        label={w.email}
        hint={w.emailHint}
        autocomplete="off"
        readOnly={props.editing !== null}
      />
      <TextInput {...field('name')} label={w.name} hint={w.nameHint} autocomplete="off" />
      <Checkboxes
        name="roles"
        legend={w.roles}
        hint={w.rolesHint}
        items={roles.map((role) => ({
          id: `role-${role}`,
          value: role,
          label: roleWords[role],
          hint: w.roleHints[role],
          checked: chosenRoles.includes(role),
        }))}
        error={errorOf('role-officer')}
        onToggle={(role) => toggle(role as Role)}
      />
      <Select
        id="directorate"
        label={w.directorate}
        hint={w.directorateHint}
        value={directorate}
        empty={w.none}
        choices={props.directorates.map((d) => nameChoice(language, 'directorate', d))}
        error={errorOf('directorate')}
        onChange={setDirectorate}
      />
      <div class="govuk-button-group">
        <button type="submit" class="govuk-button" disabled={versioned.saving} aria-disabled={versioned.saving}>
          {w.save}
        </button>
        {props.editing && (
          <button type="button" class="govuk-button govuk-button--secondary" onClick={props.cancel}>
            {w.cancel}
          </button>
        )}
      </div>
    </form>
  );
}

export function People({ api, directorates }: { api: Api; directorates: string[] }) {
  const loaded = useData(() => api.people(), [api]);
  const people = loaded.data?.people ?? null;
  const [editing, setEditing] = useState<Person | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  /** A refused removal, linked to the person's Remove button. */
  const [removeErrors, setRemoveErrors] = useState<FieldError[]>([]);
  const w: PeopleWords = useWords().t.admin.people;
  const heading = useFocusHeading(people !== null, w.heading);
  const saved = (message: string) => {
    setRemoveErrors([]);
    setDone(message);
    setEditing(null);
    setFormKey((k) => k + 1);
    loaded.reload();
  };
  const remove = async (person: Person, button: string) => {
    const answer = await api.deletePerson(person.email);
    if (answer.ok) saved(fill(w.removed, { name: nameOf(person) }));
    else {
      setDone(null);
      setRemoveErrors([{ field: button, message: answer.problem.detail ?? w.notRemoved }]);
    }
  };
  if (loaded.failed) return <p class="govuk-body">{loaded.failed.problem.detail ?? w.notLoaded}</p>;
  if (!people) return <Loading />;
  return (
    <>
      <ErrorSummary errors={removeErrors} />
      {done && <SuccessBanner key={done} id="people-title" message={done} />}
      <h1 class="govuk-heading-l" tabIndex={-1} ref={heading}>
        {w.heading}
      </h1>
      <p class="govuk-body">{w.intro}</p>
      {people.length === 0 && <p class="govuk-inset-text">{w.nobody}</p>}
      {/* On a phone its rows stack, each cell after its column's words (.app-stack-table). */}
      <table class="govuk-table app-stack-table" hidden={people.length === 0}>
        <caption class="govuk-table__caption govuk-table__caption--m">{w.caption}</caption>
        <TableHead
          columns={[
            w.nameColumn,
            w.emailColumn,
            w.roles,
            w.directorate,
            <span class="govuk-visually-hidden">{w.actions}</span>,
          ]}
        />
        <tbody class="govuk-table__body">
          {people.map((p, i) => (
            <tr class="govuk-table__row" key={p.email}>
              <th scope="row" class="govuk-table__header">
                {p.name ?? <span class="govuk-hint govuk-!-margin-0">{w.notGiven}</span>}
              </th>
              <StackCell label={w.emailColumn} class="app-break-anywhere">
                {p.email}
              </StackCell>
              <StackCell label={w.roles}>{rolesAndDirectorate(p.roles)}</StackCell>
              <StackCell label={w.directorate}>{p.directorate ?? ''}</StackCell>
              <td class="govuk-table__cell">
                <button type="button" class="app-link-button" onClick={() => setEditing(p)}>
                  {w.changeLink}
                  <span class="govuk-visually-hidden"> {p.email}</span>
                </button>{' '}
                <button
                  type="button"
                  class="app-link-button"
                  id={`remove-${i}`}
                  onClick={() => remove(p, `remove-${i}`)}
                >
                  {w.remove}
                  <span class="govuk-visually-hidden"> {p.email}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <PersonForm
        key={editing ? `edit:${editing.email}` : `add:${formKey}`}
        api={api}
        directorates={directorates}
        editing={editing}
        saved={saved}
        cancel={() => setEditing(null)}
      />
    </>
  );
}
