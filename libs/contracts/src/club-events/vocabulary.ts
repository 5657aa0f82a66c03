/** The events service's vocabularies: kinds, lifecycle, sessions, audiences, delegations, documents. */
import type { Salutation } from '../membership/vocabulary';

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
/** The states an event can be cancelled from: any before it was held. */
export const CancellableStatuses = [
  'draft',
  'announced',
  'registration-open',
  'registration-closed',
] as const;
export type CancellableStatus = (typeof CancellableStatuses)[number];
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
/** The roles as suggestions and column values, where no one person is meant. */
export const DelegationRoleNames: Record<DelegationRole, string> = {
  mayor: 'Bürgermeisterin oder Bürgermeister',
  administration: 'Verwaltung',
  'civil-society': 'Zivilgesellschaft',
  other: 'Sonstige',
};

/**
 * The role of one person, gendered by their salutation: beside the name in a list ("Bürgermeisterin")
 * and in a sentence "… hat Sie als Vertreterin der Zivilgesellschaft angemeldet". Without a gendered
 * salutation the gender-neutral form the club writes (Bürgermeister*in, Vertretung).
 */
const PersonRoleNames: Record<DelegationRole, Record<Salutation, { label: string; as: string }>> = {
  mayor: {
    Frau: { label: 'Bürgermeisterin', as: 'Bürgermeisterin' },
    Herr: { label: 'Bürgermeister', as: 'Bürgermeister' },
    keine: { label: 'Bürgermeister*in', as: 'Bürgermeister*in' },
  },
  administration: {
    Frau: { label: 'Verwaltung', as: 'Vertreterin der Verwaltung' },
    Herr: { label: 'Verwaltung', as: 'Vertreter der Verwaltung' },
    keine: { label: 'Verwaltung', as: 'Vertretung der Verwaltung' },
  },
  'civil-society': {
    Frau: { label: 'Zivilgesellschaft', as: 'Vertreterin der Zivilgesellschaft' },
    Herr: { label: 'Zivilgesellschaft', as: 'Vertreter der Zivilgesellschaft' },
    keine: { label: 'Zivilgesellschaft', as: 'Vertretung der Zivilgesellschaft' },
  },
  other: {
    Frau: { label: 'Sonstige', as: 'weitere Teilnehmerin' },
    Herr: { label: 'Sonstige', as: 'weiterer Teilnehmer' },
    keine: { label: 'Sonstige', as: 'weitere teilnehmende Person' },
  },
};

/** A person's role beside their name: "Bürgermeisterin", "Verwaltung". */
export function delegationRoleLabel(role: DelegationRole, salutation: Salutation): string {
  return PersonRoleNames[role][salutation].label;
}

/** A person's role after "als": "Bürgermeister", "Vertreterin der Zivilgesellschaft". */
export function delegationRoleAs(role: DelegationRole, salutation: Salutation): string {
  return PersonRoleNames[role][salutation].as;
}

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
