import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Page } from '../../../components/Page';
import { texts } from '../../../texts';
import { EventForm } from './EventForm';
import { EVENT_KINDS, isEventKind, newDraft } from './eventDraft';
import { useSaveEvent } from './eventFormsApi';

const t = texts.console.eventForms;
export const EVENTS_PATH = '/geschaeftsstelle/veranstaltungen';

/** /geschaeftsstelle/veranstaltungen/neu/:kind — a new Deutschlandforum, Innovators Lounge or Kommunalzirkel, saved as a draft. */
export default function NewEventPage() {
  const { kind } = useParams();
  if (!isEventKind(kind)) return <UnknownKind />;
  // A new form for each kind (the links between the kinds keep this page mounted).
  return <NewEventForm key={kind} kind={kind} />;
}

function NewEventForm({ kind }: { kind: (typeof EVENT_KINDS)[number] }) {
  const navigate = useNavigate();
  const save = useSaveEvent(undefined);
  const [initial] = useState(() => newDraft(kind));
  return (
    <Page title={t.newTitle[kind]} lead={t.newLead[kind]}>
      <p className="meta">{t.draftNote}</p>
      <EventForm
        initial={initial}
        changing={false}
        mayOpenWithAnnouncement
        submitLabel={t.save.create[kind]}
        busy={save.isPending}
        error={save.error}
        cancelTo={EVENTS_PATH}
        onSubmit={(request) => {
          if (save.isPending) return;
          save.mutate(request, {
            onSuccess: (event) =>
              void navigate(`${EVENTS_PATH}/${event.eventId}`, {
                state: { notice: t.save.created(event.title) },
              }),
          });
        }}
      />
    </Page>
  );
}

function UnknownKind() {
  return (
    <Page title={t.unknownKind.title}>
      <p>{t.unknownKind.text}</p>
      <p>{t.chooseKind}</p>
      <ul>
        {EVENT_KINDS.map((kind) => (
          <li key={kind}>
            <Link to={`${EVENTS_PATH}/neu/${kind}`}>{t.newTitle[kind]}</Link>
          </li>
        ))}
      </ul>
      <p>
        <Link to={EVENTS_PATH}>{t.toList}</Link>
      </p>
    </Page>
  );
}
