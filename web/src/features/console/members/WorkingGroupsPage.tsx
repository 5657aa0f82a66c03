import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api } from '../../../api/client';
import { ApiProblem, unwrap } from '../../../api/problem';
import { TextAreaField, TextField } from '../../../components/Fields';
import { FormProblem } from '../../../components/FormProblem';
import { Page } from '../../../components/Page';
import { Empty, ErrorNotice, Loading, Success } from '../../../components/States';
import {
  useWorkingGroups,
  WORKING_GROUPS_QUERY_KEY,
  type WorkingGroup,
} from '../../../components/workingGroups';
import { texts } from '../../../texts';

const t = texts.console.members.workingGroups;
export const GROUPS_PATH = '/geschaeftsstelle/arbeitsgruppen';

/** „Smartes Land“ → „smartes-land“: the short name the form suggests. */
export function shortNameOf(name: string): string {
  return name
    .toLocaleLowerCase('de')
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

/** /geschaeftsstelle/arbeitsgruppen: the club's working groups, and a new one. */
export default function WorkingGroupsPage() {
  const groups = useWorkingGroups();
  const listId = useId();
  const createId = useId();
  return (
    <Page title={t.title} lead={t.lead}>
      <p>
        <Link to="/geschaeftsstelle/mitglieder">{t.back}</Link>
      </p>
      <section aria-labelledby={listId}>
        <h2 id={listId}>{t.listHeading}</h2>
        {groups.isPending ? (
          <Loading label={t.loading} />
        ) : groups.isError ? (
          <ErrorNotice error={groups.error} onRetry={() => void groups.refetch()} />
        ) : groups.data.length === 0 ? (
          <Empty>
            <p>{t.empty}</p>
          </Empty>
        ) : (
          <ul className="card-list">
            {groups.data.map((group) => (
              <li key={group.id} className="card">
                <h3>
                  <Link to={`${GROUPS_PATH}/${group.id}`}>{group.name}</Link>
                </h3>
                {group.description ? <p>{group.description}</p> : null}
                <p className="meta">{t.memberCount(group.memberCount)}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby={createId}>
        <h2 id={createId}>{t.create.heading}</h2>
        <CreateForm headingId={createId} />
      </section>
    </Page>
  );
}

function CreateForm({ headingId }: { readonly headingId: string }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [id, setId] = useState('');
  const [idTouched, setIdTouched] = useState(false);
  const [description, setDescription] = useState('');
  const create = useMutation({
    mutationFn: () => {
      const text = description.trim();
      return unwrap(
        api.POST('/api/v1/working-groups', {
          body: { id: id.trim(), name: name.trim(), ...(text ? { description: text } : {}) },
        }),
      );
    },
    onSuccess: (group: WorkingGroup) => {
      queryClient.setQueryData<WorkingGroup[]>(WORKING_GROUPS_QUERY_KEY, (groups) =>
        groups ? [...groups, group].sort((a, b) => a.name.localeCompare(b.name, 'de')) : groups,
      );
      void queryClient.invalidateQueries({ queryKey: WORKING_GROUPS_QUERY_KEY });
      setName('');
      setId('');
      setIdTouched(false);
      setDescription('');
    },
  });
  const errorOf = (field: keyof typeof t.fieldErrors): string | undefined => {
    const problem = create.error;
    if (!(problem instanceof ApiProblem)) return undefined;
    if (field === 'id' && problem.status === 409) return problem.summary;
    return problem.fieldErrors.some((error) => error.field === field) ? t.fieldErrors[field] : undefined;
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!create.isPending) create.mutate();
  };
  const created = create.isSuccess ? create.data : undefined;
  return (
    <form aria-labelledby={headingId} onSubmit={submit} noValidate>
      <FormProblem error={create.error} />
      {created ? (
        <Success>
          <p>
            {t.create.created(created.name)}{' '}
            <Link to={`${GROUPS_PATH}/${created.id}`}>{t.create.open(created.name)}</Link>
          </p>
        </Success>
      ) : null}
      <TextField
        label={t.create.name}
        hint={t.create.nameHint}
        required
        maxLength={80}
        value={name}
        error={errorOf('name')}
        onChange={(event) => {
          setName(event.target.value);
          if (!idTouched) setId(shortNameOf(event.target.value));
        }}
      />
      <TextField
        label={t.create.id}
        hint={t.create.idHint}
        required
        maxLength={60}
        value={id}
        error={errorOf('id')}
        onChange={(event) => {
          setId(event.target.value);
          setIdTouched(true);
        }}
      />
      <TextAreaField
        label={t.create.description}
        hint={t.create.descriptionHint}
        maxLength={2000}
        rows={3}
        value={description}
        error={errorOf('description')}
        onChange={(event) => setDescription(event.target.value)}
      />
      <div className="button-row">
        <button type="submit" className="button button-primary" aria-disabled={create.isPending || undefined}>
          {create.isPending ? t.create.submitting : t.create.submit}
        </button>
      </div>
    </form>
  );
}
