/** The events service's vocabularies: kinds, lifecycle, sessions, audiences, delegations, documents. */

/** The three kinds of event the club runs, each with rules of its own (see ../../../../README.md). */
export const EventKinds = ['deutschlandforum', 'innovators-lounge', 'kommunalzirkel'] as const;
export type EventKind = (typeof EventKinds)[number];
export const EventKindNames: Record<EventKind, string> = {
  deutschlandforum: 'Deutschlandforum',
  'innovators-lounge': 'Innovators Lounge',
  kommunalzirkel: 'Kommunalzirkel',
};

/**
 * draft → announced → registration-open → registration-closed → held; cancelled from any state
 * before held. Opening and closing registration also happen by themselves at the window's times.
 */
export const EventStatuses = [
  'draft',
  'announced',
  'registration-open',
  'registration-closed',
  'held',
  'cancelled',
] as const;
export type EventStatus = (typeof EventStatuses)[number];
export const EventStatusNames: Record<EventStatus, string> = {
  draft: 'Entwurf',
  announced: 'Angekündigt',
  'registration-open': 'Anmeldung offen',
  'registration-closed': 'Anmeldung geschlossen',
  held: 'Stattgefunden',
  cancelled: 'Abgesagt',
};
/** States members can see; drafts are the office's alone. */
export const PublishedEventStatuses = EventStatuses.filter((status) => status !== 'draft');

export const SessionKinds = ['talk', 'workshop', 'panel', 'discussion'] as const;
export type SessionKind = (typeof SessionKinds)[number];
export const SessionKindNames: Record<SessionKind, string> = {
  talk: 'Vortrag',
  workshop: 'Workshop',
  panel: 'Podium',
  discussion: 'Diskussion',
};

/** Who may register: members; members and the guests the office invites; target-group municipalities. */
export const Audiences = ['members', 'members-and-guests', 'target-group'] as const;
export type Audience = (typeof Audiences)[number];

/** Who gets the announcement mail (a Kommunalzirkel always goes to its target group). */
export const AnnouncementScopes = ['all-members', 'matching-themes'] as const;
export type AnnouncementScope = (typeof AnnouncementScopes)[number];

/** Suggested roles in a municipality's delegation to a Kommunalzirkel. */
export const DelegationRoles = ['mayor', 'administration', 'civil-society', 'other'] as const;
export type DelegationRole = (typeof DelegationRoles)[number];
export const DelegationRoleNames: Record<DelegationRole, string> = {
  mayor: 'Bürgermeister/in',
  administration: 'Verwaltung',
  'civil-society': 'Zivilgesellschaft',
  other: 'Sonstige',
};

export const DocumentKinds = ['programme', 'other'] as const;
export type DocumentKind = (typeof DocumentKinds)[number];

/** File types staff may upload; a programme must be a PDF. The content is checked, not only the name. */
export const DocumentMediaTypes = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
] as const;
export type DocumentMediaType = (typeof DocumentMediaTypes)[number];
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;
export const MAX_DOCUMENTS_PER_EVENT = 20;
/**
 * Documents travel between gateway and events service in chunks of this size, so that every
 * Kafka message stays below the broker's default 1 MB limit (base64 adds a third).
 */
export const DOCUMENT_CHUNK_BYTES = 512 * 1024;
