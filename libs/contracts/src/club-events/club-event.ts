import { closedObjectSchema, JsonSchema, textSchema } from '../events/event-contract';
import { Actor, actorSchema, exampleStaff } from '../membership/member-profile';
import { FederalState, FederalStateCodes, Theme, Themes } from '../membership/vocabulary';
import {
  AnnouncementScope,
  AnnouncementScopes,
  Audience,
  Audiences,
  DelegationRole,
  DelegationRoles,
  DocumentKind,
  DocumentKinds,
  DocumentMediaType,
  DocumentMediaTypes,
  EventKind,
  EventKinds,
  EventStatus,
  EventStatuses,
  MAX_DOCUMENT_BYTES,
  SessionKind,
  SessionKinds,
} from './vocabulary';

/**
 * An event as it travels in every events-service event (event-carried state transfer): the whole
 * current state, so that registrations, notifications and analytics keep replicas without asking.
 * Times are ISO 8601 with the Berlin offset of that day (see time/berlin-time.ts).
 */
export interface ClubEventSnapshot {
  readonly eventId: string;
  /** Grows by one with every change; a replica keeps the highest it has seen. */
  readonly revision: number;
  readonly kind: EventKind;
  readonly status: EventStatus;
  readonly title: string;
  readonly summary?: string;
  /** Markdown as the office wrote it, and the same rendered to safe HTML (no raw HTML, safe links). */
  readonly description: string;
  readonly descriptionHtml: string;
  readonly themes: readonly Theme[];
  /** Seats; for a Kommunalzirkel the number of municipalities (delegations). */
  readonly capacity: number;
  /** From the first session or module with a date to the end of the last; absent only for a series with no date yet. */
  readonly startsAt?: string;
  readonly endsAt?: string;
  readonly registration: RegistrationWindow;
  readonly audience: Audience;
  readonly announceTo: AnnouncementScope;
  readonly targetGroup?: TargetGroup;
  /** Länder the event concerns: where it takes place, and its target group. For filters. */
  readonly federalStates: readonly FederalState[];
  readonly venue?: Venue;
  readonly forum?: ForumDetails;
  readonly lounge?: LoungeDetails;
  readonly circle?: CircleDetails;
  readonly documents: readonly EventDocument[];
  readonly cancellation?: Cancellation;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface RegistrationWindow {
  readonly opensAt: string;
  readonly closesAt: string;
}

/** e.g. Bavaria up to 25,000 inhabitants. */
export interface TargetGroup {
  readonly federalStates: readonly FederalState[];
  readonly maxPopulation?: number;
}

export interface Venue {
  readonly name: string;
  readonly street?: string;
  readonly postalCode?: string;
  readonly city: string;
  readonly federalState: FederalState;
}

export interface ForumDetails {
  /** The guiding theme (Leitgedanke) that runs through the forum. */
  readonly leitgedanke: string;
  /** Which Deutschlandforum this is (the 23rd …), when known. */
  readonly edition?: number;
  readonly sessions: readonly AgendaSession[];
}

/**
 * One item of a forum's agenda. Workshops have their own capacity; workshops that start at the
 * same time form a parallel slot, and a participant chooses one workshop per slot.
 */
export interface AgendaSession {
  readonly sessionId: string;
  readonly kind: SessionKind;
  readonly title: string;
  readonly abstract?: string;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly room?: string;
  readonly speakers: readonly Speaker[];
  readonly capacity?: number;
}

/** A member of the club (by id, with the name as of this revision) or an external speaker. */
export interface Speaker {
  readonly kind: 'member' | 'external';
  readonly memberId?: string;
  readonly name: string;
  readonly organisation?: string;
  readonly bio?: string;
}

export interface LoungeDetails {
  readonly topic: string;
  /** The host municipality the lounge is organised with. */
  readonly host: HostMunicipality;
}

export interface HostMunicipality {
  readonly name: string;
  readonly ags?: string;
  readonly federalState: FederalState;
}

export interface CircleDetails {
  readonly modules: readonly CircleModule[];
  readonly delegation: DelegationRule;
  /** 0 = free of charge. */
  readonly feeCents: number;
  readonly feeNote?: string;
}

export interface CircleModule {
  readonly moduleId: string;
  readonly title: string;
  /** Both set, or both absent while the date is still to be announced. */
  readonly startsAt?: string;
  readonly endsAt?: string;
  /** Shown while the date is open, e.g. "Frühjahr/Sommer 2027". */
  readonly dateNote?: string;
  readonly place?: string;
  readonly guidingQuestions: readonly string[];
}

export interface DelegationRule {
  /** At most this many people per municipality. */
  readonly maxPeople: number;
  readonly suggestedRoles: readonly DelegationRole[];
}

export interface EventDocument {
  readonly documentId: string;
  readonly kind: DocumentKind;
  readonly title: string;
  readonly fileName: string;
  readonly mediaType: DocumentMediaType;
  readonly sizeBytes: number;
  /** Hex SHA-256 of the content, checked when the upload completes. */
  readonly sha256: string;
  readonly uploadedAt: string;
  readonly uploadedBy: Actor;
}

export interface Cancellation {
  readonly reason: string;
  readonly cancelledAt: string;
  readonly cancelledBy?: Actor;
}

// ---- JSON Schemas (draft 2020-12) of the shapes above, for the event contracts ----

const zonedTime: JsonSchema = {
  type: 'string',
  format: 'date-time',
  description: 'ISO 8601 with the Europe/Berlin offset of that day',
};
const uuid: JsonSchema = { type: 'string', format: 'uuid' };
const federalState: JsonSchema = { enum: [...FederalStateCodes] };

export const venueSchema = closedObjectSchema(['name', 'city', 'federalState'], {
  name: textSchema(160),
  street: textSchema(160),
  postalCode: { type: 'string', pattern: '^\\d{5}$' },
  city: textSchema(120),
  federalState,
});

const speakerSchema = closedObjectSchema(['kind', 'name'], {
  kind: { enum: ['member', 'external'] },
  memberId: uuid,
  name: textSchema(160),
  organisation: textSchema(160),
  bio: { type: 'string', maxLength: 2000 },
});

const sessionSchema = closedObjectSchema(['sessionId', 'kind', 'title', 'startsAt', 'endsAt', 'speakers'], {
  sessionId: uuid,
  kind: { enum: [...SessionKinds] },
  title: textSchema(200),
  abstract: { type: 'string', maxLength: 4000 },
  startsAt: zonedTime,
  endsAt: zonedTime,
  room: textSchema(120),
  speakers: { type: 'array', maxItems: 20, items: speakerSchema },
  capacity: { type: 'integer', minimum: 0 },
});

const moduleSchema = closedObjectSchema(['moduleId', 'title', 'guidingQuestions'], {
  moduleId: uuid,
  title: textSchema(200),
  startsAt: zonedTime,
  endsAt: zonedTime,
  dateNote: textSchema(120),
  place: textSchema(200),
  guidingQuestions: { type: 'array', maxItems: 20, items: textSchema(500) },
});

export const eventDocumentSchema = closedObjectSchema(
  ['documentId', 'kind', 'title', 'fileName', 'mediaType', 'sizeBytes', 'sha256', 'uploadedAt', 'uploadedBy'],
  {
    documentId: uuid,
    kind: { enum: [...DocumentKinds] },
    title: textSchema(200),
    fileName: textSchema(200),
    mediaType: { enum: [...DocumentMediaTypes] },
    sizeBytes: { type: 'integer', minimum: 1, maximum: MAX_DOCUMENT_BYTES },
    sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
    uploadedAt: { type: 'string', format: 'date-time' },
    uploadedBy: actorSchema,
  },
);

export const clubEventSnapshotSchema = closedObjectSchema(
  [
    'eventId',
    'revision',
    'kind',
    'status',
    'title',
    'description',
    'descriptionHtml',
    'themes',
    'capacity',
    'registration',
    'audience',
    'announceTo',
    'federalStates',
    'documents',
    'createdAt',
    'updatedAt',
  ],
  {
    eventId: uuid,
    revision: { type: 'integer', minimum: 1 },
    kind: { enum: [...EventKinds] },
    status: { enum: [...EventStatuses] },
    title: textSchema(200),
    summary: { type: 'string', maxLength: 500 },
    description: { type: 'string', maxLength: 20_000 },
    descriptionHtml: { type: 'string' },
    themes: { type: 'array', uniqueItems: true, items: { enum: [...Themes] } },
    capacity: { type: 'integer', minimum: 0 },
    startsAt: zonedTime,
    endsAt: zonedTime,
    registration: closedObjectSchema(['opensAt', 'closesAt'], { opensAt: zonedTime, closesAt: zonedTime }),
    audience: { enum: [...Audiences] },
    announceTo: { enum: [...AnnouncementScopes] },
    targetGroup: closedObjectSchema(['federalStates'], {
      federalStates: { type: 'array', minItems: 1, uniqueItems: true, items: federalState },
      maxPopulation: { type: 'integer', minimum: 1 },
    }),
    federalStates: { type: 'array', uniqueItems: true, items: federalState },
    venue: venueSchema,
    forum: closedObjectSchema(['leitgedanke', 'sessions'], {
      leitgedanke: textSchema(300),
      edition: { type: 'integer', minimum: 1 },
      sessions: { type: 'array', maxItems: 100, items: sessionSchema },
    }),
    lounge: closedObjectSchema(['topic', 'host'], {
      topic: textSchema(300),
      host: closedObjectSchema(['name', 'federalState'], {
        name: textSchema(120),
        ags: { type: 'string', pattern: '^(0[1-9]|1[0-6])\\d{6}$' },
        federalState,
      }),
    }),
    circle: closedObjectSchema(['modules', 'delegation', 'feeCents'], {
      modules: { type: 'array', minItems: 1, maxItems: 12, items: moduleSchema },
      delegation: closedObjectSchema(['maxPeople', 'suggestedRoles'], {
        maxPeople: { type: 'integer', minimum: 1, maximum: 20 },
        suggestedRoles: { type: 'array', uniqueItems: true, items: { enum: [...DelegationRoles] } },
      }),
      feeCents: { type: 'integer', minimum: 0 },
      feeNote: textSchema(300),
    }),
    documents: { type: 'array', items: eventDocumentSchema },
    cancellation: closedObjectSchema(['reason', 'cancelledAt'], {
      reason: textSchema(2000),
      cancelledAt: { type: 'string', format: 'date-time' },
      cancelledBy: actorSchema,
    }),
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
  },
);

/** A lounge as published when registration opened. */
export const exampleLoungeSnapshot: ClubEventSnapshot = {
  eventId: '8d1c0f3e-4b7a-4c2e-9f51-3a6b2c1d0e97',
  revision: 4,
  kind: 'innovators-lounge',
  status: 'registration-open',
  title: 'Innovators Lounge Ulm: Die smarte Stadt im Alltag',
  summary: 'Wie Ulm Daten, Sensorik und Bürgerbeteiligung zusammenbringt.',
  description: 'Die **Lounge** in Ulm zeigt, was eine smarte Stadt im Alltag leistet.',
  descriptionHtml:
    '<p>Die <strong>Lounge</strong> in Ulm zeigt, was eine smarte Stadt im Alltag leistet.</p>\n',
  themes: ['Digitalisierung', 'Stadtentwicklung'],
  capacity: 50,
  startsAt: '2027-04-15T17:00:00+02:00',
  endsAt: '2027-04-15T21:00:00+02:00',
  registration: { opensAt: '2027-02-01T09:00:00+01:00', closesAt: '2027-04-08T23:59:00+02:00' },
  audience: 'members',
  announceTo: 'all-members',
  federalStates: ['BW'],
  venue: {
    name: 'Stadthaus Ulm',
    street: 'Münsterplatz 50',
    postalCode: '89073',
    city: 'Ulm',
    federalState: 'BW',
  },
  lounge: {
    topic: 'Die smarte Stadt im Alltag',
    host: { name: 'Ulm', ags: '08421000', federalState: 'BW' },
  },
  documents: [
    {
      documentId: '2f6b9c1a-7e3d-4a58-8b0c-1d2e3f4a5b6c',
      kind: 'programme',
      title: 'Programm',
      fileName: 'programm-lounge-ulm.pdf',
      mediaType: 'application/pdf',
      sizeBytes: 184_320,
      sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
      uploadedAt: '2027-01-20T10:15:00.000Z',
      uploadedBy: exampleStaff,
    },
  ],
  createdAt: '2027-01-12T09:00:00.000Z',
  updatedAt: '2027-02-01T08:00:00.000Z',
};
