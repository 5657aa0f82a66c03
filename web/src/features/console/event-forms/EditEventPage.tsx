import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiProblem } from '../../../api/problem';
import { Page } from '../../../components/Page';
import { ErrorNotice, Loading } from '../../../components/States';
import { texts } from '../../../texts';
import { EventForm } from './EventForm';
import { draftOf, type EventDetail } from './eventDraft';
import { useEventToEdit, useSaveEvent } from './eventFormsApi';
import { EVENTS_PATH } from './NewEventPage';

const t = texts.console.eventForms;
const statusWords = texts.home.event.statuses;

/**
 * /geschaeftsstelle/veranstaltungen/:eventId/bearbeiten — the event's form, filled with what it is
 * now. A draft and a published event change alike (not their kind); a held or cancelled one is
 * history and says so instead of offering a form.
 */
export default function EditEventPage() {
  const { eventId = '' } = useParams();
  const event = useEventToEdit(eventId);
  if (event.isPending) {
    return (
      <Page title={t.loading}>
        <Loading label={t.loading} />
      </Page>
    );
  }
  if (event.isError) {
    const notFound = event.error instanceof ApiProblem && event.error.status === 404;
    return (
      <Page title={notFound ? t.notFound.title : texts.common.problems.unexpected}>
        {notFound ? (
          <p>{t.notFound.text}</p>
        ) : (
          <ErrorNotice error={event.error} onRetry={() => void event.refetch()} />
        )}
        <p>
          <Link to={EVENTS_PATH}>{t.toList}</Link>
        </p>
      </Page>
    );
  }
  return <EditForm key={event.data.revision} event={event.data} />;
}

function EditForm({ event }: { event: EventDetail }) {
  const navigate = useNavigate();
  const save = useSaveEvent(event.eventId);
  const [initial] = useState(() => draftOf(event, new Date()));
  const eventPath = `${EVENTS_PATH}/${event.eventId}`;
  const status = statusWords[event.status];

  if (event.status === 'held' || event.status === 'cancelled') {
    return (
      <Page title={t.locked.title(event.title)}>
        <p>{t.locked.text(status)}</p>
        <p>
          <Link to={eventPath}>{t.toEvent}</Link>
        </p>
      </Page>
    );
  }
  const published = event.status !== 'draft';
  return (
    <Page title={t.editTitle(event.title)} lead={t.editLead(texts.events.kinds[event.kind])}>
      <EventForm
        initial={initial}
        changing
        mayOpenWithAnnouncement={!published}
        submitLabel={t.save.update}
        busy={save.isPending}
        error={save.error}
        cancelTo={eventPath}
        onSubmit={(request) => {
          if (save.isPending) return;
          save.mutate(request, {
            onSuccess: (saved) =>
              void navigate(eventPath, {
                state: {
                  notice:
                    saved.revision === event.revision
                      ? t.save.unchanged(saved.title)
                      : t.save.updated(saved.title),
                },
              }),
          });
        }}
      >
        {published ? (
          <div className="notice notice-warning">
            <p>{t.published(status)}</p>
            <p>{t.publishedSchedule}</p>
            {event.kind === 'deutschlandforum' ? <p>{t.publishedWorkshops}</p> : null}
          </div>
        ) : null}
      </EventForm>
    </Page>
  );
}
