import { useRef, useState, type FormEvent } from 'react';
import { ApiProblem } from '../../../api/problem';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { SelectField, TextField } from '../../../components/Fields';
import { FormProblem } from '../../../components/FormProblem';
import { ErrorNotice, Success } from '../../../components/States';
import { texts } from '../../../texts';
import { EventDocuments } from '../../events/EventDocuments';
import type { ClubEvent, EventDocument } from '../../events/eventTypes';
import { useRemoveDocument, useUploadDocument } from './consoleEventsApi';

const t = texts.console.events.documents;
const u = t.upload;

/** What the gateway accepts (POST …/documents): these types, at most 20 MB, a programme only as PDF. */
const MAX_BYTES = 20 * 1024 * 1024;
const ACCEPTED = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];
const ACCEPT_ATTRIBUTE = `${ACCEPTED.join(',')},.pdf,.png,.jpg,.jpeg,.docx,.pptx,.xlsx`;

type Kind = 'programme' | 'other';

interface UploadErrors {
  file?: string | undefined;
  title?: string | undefined;
  kind?: string | undefined;
}

/** The file as chosen, checked as the gateway would check it, so that nothing is sent in vain. */
function checkFile(file: File | undefined, kind: Kind): string | undefined {
  if (!file || file.size === 0) return u.missingFile;
  if (file.size > MAX_BYTES) return u.tooLarge;
  if (!ACCEPTED.includes(file.type)) return u.wrongType;
  if (kind === 'programme' && file.type !== 'application/pdf') return u.programmeMustBePdf;
  return undefined;
}

/** The gateway's refusal beside the field it concerns: 413 and 415 are about the file. */
function errorsOf(problem: unknown): UploadErrors {
  if (!(problem instanceof ApiProblem)) return {};
  if (problem.status === 413) return { file: u.tooLarge };
  if (problem.status === 415) return { file: problem.summary };
  return {
    file: problem.messageFor('file') ?? problem.messageFor('mediaType'),
    title: problem.messageFor('title'),
    kind: problem.messageFor('kind'),
  };
}

/** The event's documents as members get them, each with „entfernen“, and the upload form. */
export function DocumentsPanel({ event }: { readonly event: ClubEvent }) {
  const upload = useUploadDocument(event.eventId);
  const remove = useRemoveDocument(event.eventId);
  const [errors, setErrors] = useState<UploadErrors>({});
  const [notice, setNotice] = useState<string>();
  const [removing, setRemoving] = useState<EventDocument>();
  const form = useRef<HTMLFormElement>(null);

  function submit(submitted: FormEvent<HTMLFormElement>) {
    submitted.preventDefault();
    setNotice(undefined);
    const data = new FormData(submitted.currentTarget);
    const input = submitted.currentTarget.elements.namedItem('file');
    const chosen = input instanceof HTMLInputElement ? input.files?.[0] : undefined;
    const titleValue = data.get('title');
    const title = typeof titleValue === 'string' ? titleValue.trim() : '';
    const kind: Kind = data.get('kind') === 'other' ? 'other' : 'programme';
    const found: UploadErrors = { file: checkFile(chosen, kind), title: title ? undefined : u.missingTitle };
    setErrors(found);
    if (found.file || found.title || !chosen) {
      const first = submitted.currentTarget.elements.namedItem(found.file ? 'file' : 'title');
      if (first instanceof HTMLElement) first.focus();
      return;
    }
    upload.mutate(
      { file: chosen, title, kind },
      {
        onSuccess: () => {
          form.current?.reset();
          setNotice(u.done(title));
        },
        onError: (error) => setErrors(errorsOf(error)),
      },
    );
  }

  const hasFieldErrors = Boolean(errors.file || errors.title || errors.kind);
  return (
    <EventDocuments
      documents={event.documents}
      signedIn
      signInPath="/geschaeftsstelle/anmelden"
      actionsFor={(document) => (
        <button
          type="button"
          className="button button-link"
          onClick={() => {
            setNotice(undefined);
            remove.reset();
            setRemoving(document);
          }}
        >
          {t.remove(document.title)}
        </button>
      )}
    >
      {notice ? <Success>{notice}</Success> : null}
      <ConfirmDialog
        open={removing !== undefined}
        title={t.removeTitle}
        confirmLabel={t.removeConfirm}
        destructive
        busy={remove.isPending}
        onCancel={() => setRemoving(undefined)}
        onConfirm={() => {
          if (!removing) return;
          remove.mutate(removing.documentId, {
            onSuccess: () => {
              setNotice(t.removed(removing.title));
              setRemoving(undefined);
            },
          });
        }}
      >
        <p>{removing ? t.removeText(removing.title) : null}</p>
        {remove.isError ? <ErrorNotice error={remove.error} /> : null}
      </ConfirmDialog>
      <h3 id="dokument-hochladen">{u.heading}</h3>
      {upload.isError && !hasFieldErrors ? <FormProblem error={upload.error} /> : null}
      <form
        ref={form}
        className="console-upload"
        onSubmit={submit}
        noValidate
        aria-labelledby="dokument-hochladen"
      >
        <TextField
          label={u.file}
          name="file"
          type="file"
          accept={ACCEPT_ATTRIBUTE}
          hint={u.fileHint}
          error={errors.file}
          required
        />
        <TextField
          label={u.title}
          name="title"
          hint={u.titleHint}
          defaultValue="Programm"
          maxLength={200}
          error={errors.title}
          required
        />
        <SelectField label={u.kind} name="kind" defaultValue="programme" error={errors.kind} required>
          <option value="programme">{u.kindProgramme}</option>
          <option value="other">{u.kindOther}</option>
        </SelectField>
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={upload.isPending}>
            {upload.isPending ? u.busy : u.submit}
          </button>
        </div>
      </form>
    </EventDocuments>
  );
}
