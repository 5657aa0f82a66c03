import { ClubEventSnapshot, ClubEventSummaryReply, EventDocument, formatBerlinTime } from '@ic/contracts';
import { compact } from '@ic/platform';
import { ClubEvent, federalStatesOf, StoredDocument } from './club-event';
import { ClubEventSummary } from './club-events.repository';

/**
 * The whole event as it travels in every event and reply. Times of the event show Berlin wall time
 * with that day's offset; record-keeping times (created, uploaded, cancelled) are UTC.
 */
export function toSnapshot(event: ClubEvent): ClubEventSnapshot {
  return compact({
    eventId: event.id,
    revision: event.revision,
    kind: event.kind,
    status: event.status,
    title: event.title,
    summary: event.summary,
    description: event.description,
    descriptionHtml: event.descriptionHtml,
    themes: [...event.themes],
    capacity: event.capacity,
    startsAt: berlin(event.startsAt),
    endsAt: berlin(event.endsAt),
    registration: {
      opensAt: formatBerlinTime(event.registration.opensAt),
      closesAt: formatBerlinTime(event.registration.closesAt),
    },
    audience: event.audience,
    announceTo: event.announceTo,
    targetGroup: event.targetGroup
      ? compact({
          federalStates: [...event.targetGroup.federalStates],
          maxPopulation: event.targetGroup.maxPopulation,
        })
      : undefined,
    federalStates: federalStatesOf(event),
    venue: event.venue ? compact({ ...event.venue }) : undefined,
    forum: event.forum
      ? compact({
          leitgedanke: event.forum.leitgedanke,
          edition: event.forum.edition,
          sessions: event.forum.sessions.map((session) =>
            compact({
              sessionId: session.sessionId,
              kind: session.kind,
              title: session.title,
              abstract: session.abstract,
              startsAt: formatBerlinTime(session.startsAt),
              endsAt: formatBerlinTime(session.endsAt),
              room: session.room,
              speakers: session.speakers.map((speaker) => compact({ ...speaker })),
              capacity: session.capacity,
            }),
          ),
        })
      : undefined,
    lounge: event.lounge ? { topic: event.lounge.topic, host: compact({ ...event.lounge.host }) } : undefined,
    circle: event.circle
      ? compact({
          modules: event.circle.modules.map((module) =>
            compact({
              moduleId: module.moduleId,
              title: module.title,
              startsAt: berlin(module.startsAt),
              endsAt: berlin(module.endsAt),
              dateNote: module.dateNote,
              place: module.place,
              guidingQuestions: [...module.guidingQuestions],
            }),
          ),
          delegation: {
            maxPeople: event.circle.delegation.maxPeople,
            suggestedRoles: [...event.circle.delegation.suggestedRoles],
          },
          feeCents: event.circle.feeCents,
          feeNote: event.circle.feeNote,
        })
      : undefined,
    documents: event.documents.map(toEventDocument),
    cancellation: event.cancellation
      ? compact({
          reason: event.cancellation.reason,
          cancelledAt: event.cancellation.cancelledAt.toISOString(),
          cancelledBy: event.cancellation.cancelledBy,
        })
      : undefined,
    createdAt: event.createdAt.toISOString(),
    updatedAt: event.updatedAt.toISOString(),
  });
}

export function toEventDocument(document: StoredDocument): EventDocument {
  return {
    documentId: document.documentId,
    kind: document.kind,
    title: document.title,
    fileName: document.fileName,
    mediaType: document.mediaType,
    sizeBytes: document.sizeBytes,
    sha256: document.sha256,
    uploadedAt: document.uploadedAt.toISOString(),
    uploadedBy: { subject: document.uploadedBy.subject, role: document.uploadedBy.role },
  };
}

export function toSummaryReply(event: ClubEventSummary): ClubEventSummaryReply {
  return compact({
    eventId: event.id,
    kind: event.kind,
    status: event.status,
    title: event.title,
    summary: event.summary,
    themes: [...event.themes],
    startsAt: berlin(event.startsAt),
    endsAt: berlin(event.endsAt),
    venue: event.venue ? compact({ ...event.venue }) : undefined,
    federalStates: [...event.federalStates],
    capacity: event.capacity,
    registration: {
      opensAt: formatBerlinTime(event.registration.opensAt),
      closesAt: formatBerlinTime(event.registration.closesAt),
    },
    cancellationReason: event.cancellation?.reason,
    targetGroup: event.targetGroup
      ? compact({
          federalStates: [...event.targetGroup.federalStates],
          maxPopulation: event.targetGroup.maxPopulation,
        })
      : undefined,
    forum: event.forum
      ? compact({ leitgedanke: event.forum.leitgedanke, edition: event.forum.edition })
      : undefined,
    lounge: event.lounge ? { topic: event.lounge.topic, host: compact({ ...event.lounge.host }) } : undefined,
    circle: event.circle ? { moduleCount: event.circle.moduleCount } : undefined,
  });
}

function berlin(instant: Date | undefined): string | undefined {
  return instant ? formatBerlinTime(instant) : undefined;
}
