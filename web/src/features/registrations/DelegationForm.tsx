import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { ApiProblem, type FieldProblem } from '../../api/problem';
import { SelectField, TextField } from '../../components/Fields';
import { FormProblem } from '../../components/FormProblem';
import { texts } from '../../texts';
import type {
  DelegationPerson,
  DelegationRole,
  EventDetail,
  OwnProfile,
  Registration,
} from './registrationApi';

const t = texts.registrations.delegation;
const ROLES = [
  'mayor',
  'administration',
  'civil-society',
  'other',
] as const satisfies readonly DelegationRole[];
const SALUTATIONS = ['keine', 'Frau', 'Herr'] as const satisfies readonly DelegationPerson['salutation'][];
const PERSON_FIELDS = ['salutation', 'firstName', 'lastName', 'email', 'role'] as const;
type PersonField = (typeof PERSON_FIELDS)[number];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_NAME = 80;

export type DelegationRule = NonNullable<EventDetail['circle']>['delegation'];

/** One person as the form holds them; `key` keeps React's rows apart, `personId` a person who stays. */
export interface PersonDraft {
  readonly key: number;
  readonly personId?: string;
  readonly salutation: DelegationPerson['salutation'];
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
  readonly role: DelegationRole | '';
}

let nextKey = 1;
const blankPerson = (): PersonDraft => ({
  key: nextKey++,
  salutation: 'keine',
  firstName: '',
  lastName: '',
  email: '',
  role: '',
});

/** A new delegation starts with the member: their name and address, as mayor when their office says so. */
export function draftsFromProfile(profile: OwnProfile | undefined): PersonDraft[] {
  if (!profile) return [blankPerson()];
  const office = `${profile.officeTitle ?? ''} ${profile.position ?? ''}`;
  return [
    {
      ...blankPerson(),
      salutation: profile.salutation,
      firstName: profile.firstName,
      lastName: profile.lastName,
      email: profile.email,
      role: /bürgermeister/i.test(office) ? 'mayor' : '',
    },
  ];
}

export function draftsFromRegistration(registration: Registration): PersonDraft[] {
  return (registration.delegation ?? []).map((person) => ({
    key: nextKey++,
    personId: person.personId,
    salutation: person.salutation,
    firstName: person.firstName,
    lastName: person.lastName,
    email: person.email,
    role: person.role,
  }));
}

/** The form's own checks, named like the server names its fields, with the German sentence to show. */
function checkDelegation(people: readonly PersonDraft[], prefix: string, maxPeople: number): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (people.length === 0) problems.push({ field: prefix, message: t.errors.none });
  if (people.length > maxPeople) problems.push({ field: prefix, message: t.errors.tooMany(maxPeople) });
  const seen = new Map<string, number>();
  people.forEach((person, index) => {
    const field = (name: PersonField) => `${prefix}.${index}.${name}`;
    const firstName = person.firstName.trim();
    const lastName = person.lastName.trim();
    const email = person.email.trim().toLowerCase();
    if (!firstName || firstName.length > MAX_NAME)
      problems.push({ field: field('firstName'), message: t.errors.firstName });
    if (!lastName || lastName.length > MAX_NAME)
      problems.push({ field: field('lastName'), message: t.errors.lastName });
    if (!EMAIL.test(email)) {
      problems.push({ field: field('email'), message: t.errors.email });
    } else if (seen.has(email)) {
      problems.push({ field: field('email'), message: t.errors.duplicateEmail(seen.get(email)! + 1) });
    } else {
      seen.set(email, index);
    }
    if (!person.role) problems.push({ field: field('role'), message: t.errors.role });
  });
  return problems;
}

/**
 * The server's answer in the form's words: its field errors (`delegation.1.role`) beside the fields
 * with the form's German sentence for that field (the server names values for programs), its
 * refusals (a rule, in German) as they are.
 */
function inFormWords(error: unknown, prefix: string, maxPeople: number): unknown {
  if (!(error instanceof ApiProblem) || error.fieldErrors.length === 0) return error;
  const pattern = new RegExp(`^${prefix}\\.(\\d+)\\.(\\w+)$`);
  const fieldErrors = error.fieldErrors.map((fieldError) => {
    const match = pattern.exec(fieldError.field);
    const name = match?.[2] as PersonField | undefined;
    if (name && (PERSON_FIELDS as readonly string[]).includes(name)) {
      return { field: fieldError.field, message: t.errors[name] };
    }
    if (fieldError.field === prefix) {
      return {
        field: prefix,
        message: fieldError.message.includes('mindestens') ? t.errors.none : t.errors.tooMany(maxPeople),
      };
    }
    return fieldError;
  });
  return new ApiProblem(error.status, t.problem, undefined, fieldErrors, error.rule);
}

interface DelegationFormProps {
  readonly municipalityName: string;
  readonly rule: DelegationRule;
  readonly initial: readonly PersonDraft[];
  /** How the API names the list: `delegation` when registering, `people` when changing it. */
  readonly fieldPrefix: 'delegation' | 'people';
  readonly submitLabel: string;
  readonly busyLabel: string;
  readonly busy: boolean;
  /** The refused submit (problem+json), shown above the form and beside the fields it names. */
  readonly error: unknown;
  readonly onSubmit: (people: DelegationPerson[]) => void;
  readonly onCancel?: () => void;
  /** Shown at the top of the form, e.g. the seats left. */
  readonly children?: ReactNode;
}

/** A municipality's delegation to a Kommunalzirkel: people with name, address and role, within the event's rules. */
export function DelegationForm(props: DelegationFormProps) {
  const { rule, fieldPrefix: prefix } = props;
  const [people, setPeople] = useState<readonly PersonDraft[]>(props.initial);
  const [checked, setChecked] = useState<ApiProblem | undefined>();
  const [focusKey, setFocusKey] = useState<number | undefined>();
  // After removing a person the focus goes to „Weitere Person hinzufügen“ (which may only now appear).
  const focusAdd = useRef(false);
  const addButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!focusAdd.current) return;
    focusAdd.current = false;
    addButton.current?.focus();
  });

  const problem = checked ?? inFormWords(props.error, prefix, rule.maxPeople);
  const fieldProblem = problem instanceof ApiProblem ? problem : undefined;
  const missingRoles = rule.suggestedRoles.filter((role) => !people.some((person) => person.role === role));
  const roleNames = (roles: readonly DelegationRole[]) =>
    roles.map((role) => texts.registrations.roles[role]).join(', ');

  const update = (key: number, change: Partial<PersonDraft>) =>
    setPeople((current) => current.map((person) => (person.key === key ? { ...person, ...change } : person)));
  const add = () => {
    const person = blankPerson();
    setPeople((current) => [...current, person]);
    setFocusKey(person.key);
  };
  const remove = (key: number) => {
    setPeople((current) => current.filter((person) => person.key !== key));
    setChecked(undefined);
    focusAdd.current = true;
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = checkDelegation(people, prefix, rule.maxPeople);
    if (problems.length > 0) {
      setChecked(new ApiProblem(0, t.problem, undefined, problems));
      return;
    }
    setChecked(undefined);
    props.onSubmit(
      people.map((person) => ({
        ...(person.personId ? { personId: person.personId } : {}),
        salutation: person.salutation,
        firstName: person.firstName.trim(),
        lastName: person.lastName.trim(),
        email: person.email.trim(),
        role: person.role as DelegationRole,
      })),
    );
  };

  return (
    <form className="delegation-form" onSubmit={submit} noValidate>
      {props.children}
      <FormProblem error={problem} />
      <fieldset className="delegation">
        <legend>{t.heading(props.municipalityName)}</legend>
        <p>{t.intro(props.municipalityName)}</p>
        <ul className="delegation-rules">
          <li>{t.maxPeople(rule.maxPeople)}</li>
          {rule.suggestedRoles.length > 0 ? <li>{t.suggested(roleNames(rule.suggestedRoles))}</li> : null}
        </ul>
        {fieldProblem?.messageFor(prefix) ? (
          <p className="field-error" id={`${prefix}-error`}>
            {fieldProblem.messageFor(prefix)}
          </p>
        ) : null}
        {people.map((person, index) => (
          <PersonFields
            key={person.key}
            person={person}
            index={index}
            focus={focusKey === person.key}
            removable={people.length > 1}
            errorFor={(field) => fieldProblem?.messageFor(`${prefix}.${index}.${field}`)}
            onChange={(change) => update(person.key, change)}
            onRemove={() => remove(person.key)}
          />
        ))}
        {people.length < rule.maxPeople ? (
          <button ref={addButton} type="button" className="button button-secondary" onClick={add}>
            {t.add}
          </button>
        ) : (
          <p className="meta">{t.full(rule.maxPeople)}</p>
        )}
        {missingRoles.length > 0 ? (
          <p className="meta">{t.missingSuggested(roleNames(missingRoles))}</p>
        ) : null}
      </fieldset>
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={props.busy}>
          {props.busy ? props.busyLabel : props.submitLabel}
        </button>
        {props.onCancel ? (
          <button type="button" className="button button-secondary" onClick={props.onCancel}>
            {texts.common.cancel}
          </button>
        ) : null}
      </div>
    </form>
  );
}

interface PersonFieldsProps {
  readonly person: PersonDraft;
  readonly index: number;
  readonly focus: boolean;
  readonly removable: boolean;
  readonly errorFor: (field: PersonField) => string | undefined;
  readonly onChange: (change: Partial<PersonDraft>) => void;
  readonly onRemove: () => void;
}

function PersonFields({ person, index, focus, removable, errorFor, onChange, onRemove }: PersonFieldsProps) {
  const group = useRef<HTMLFieldSetElement>(null);
  useEffect(() => {
    if (focus) group.current?.querySelector('input')?.focus();
  }, [focus]);
  return (
    <fieldset className="delegation-person" ref={group}>
      <legend>{t.person(index + 1)}</legend>
      <div className="delegation-person-fields">
        <SelectField
          label={t.salutation}
          value={person.salutation}
          error={errorFor('salutation')}
          onChange={(event) => onChange({ salutation: event.target.value as PersonDraft['salutation'] })}
          required
        >
          {SALUTATIONS.map((salutation) => (
            <option key={salutation} value={salutation}>
              {texts.registrations.salutations[salutation]}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t.firstName}
          value={person.firstName}
          error={errorFor('firstName')}
          onChange={(event) => onChange({ firstName: event.target.value })}
          autoComplete="off"
          maxLength={MAX_NAME}
          required
        />
        <TextField
          label={t.lastName}
          value={person.lastName}
          error={errorFor('lastName')}
          onChange={(event) => onChange({ lastName: event.target.value })}
          autoComplete="off"
          maxLength={MAX_NAME}
          required
        />
        <TextField
          label={t.email}
          type="email"
          hint={t.emailHint}
          value={person.email}
          error={errorFor('email')}
          onChange={(event) => onChange({ email: event.target.value })}
          autoComplete="off"
          required
        />
        <SelectField
          label={t.role}
          value={person.role}
          error={errorFor('role')}
          onChange={(event) => onChange({ role: event.target.value as PersonDraft['role'] })}
          required
        >
          <option value="">{t.chooseRole}</option>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {texts.registrations.roles[role]}
            </option>
          ))}
        </SelectField>
      </div>
      {removable ? (
        <button type="button" className="button button-link" onClick={onRemove}>
          {t.remove(index + 1)}
        </button>
      ) : null}
    </fieldset>
  );
}
