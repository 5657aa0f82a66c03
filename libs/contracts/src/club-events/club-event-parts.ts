import { agsSchema } from '../membership/member-profile';
import { FederalStateCodes } from '../membership/vocabulary';
import { CloneType, ClosedObject, IdField, OneOf, TSchema, Type, withMessage } from '../schema';
import { DelegationRoles, SessionKinds } from './vocabulary';

/**
 * The parts of an event that its events carry and the office's requests take alike, each written once:
 * which fields, in which order, with which limits. How a field is written differs, and a PartWriting
 * says it: the events' (club-event.ts) as the plain JSON Schema they publish, the requests'
 * (event-parts.dto.ts) under the text rule, with the API document's examples and words, the German
 * messages, and the bounds of input that are tighter than what an event promises. A field added to a
 * part is added here, for both.
 */
export interface PartWriting<Text extends TSchema, EntryId extends TSchema> {
  /** A text of one line, of 1 to `maxLength` characters. */
  line(maxLength: number, example?: string): Text;
  /** A text of several lines, of at most `maxLength` characters. */
  text(maxLength: number): Text;
  /** A time: an event's with its offset; a request's may be a Berlin wall time. */
  time(example?: string, description?: string): Text;
  /** The id of an entry of a list (a session, a module): an event's has one; a request names it to keep the entry. */
  entryId(field: string, description: string): EntryId;
  /** What only a request states: the document's examples and words, and bounds of input tighter than an event's. */
  request<const Keywords extends object>(keywords: Keywords): Partial<Keywords>;
}

const federalStateOf = <T extends TSchema, I extends TSchema>(w: PartWriting<T, I>) =>
  withMessage(
    CloneType(OneOf(FederalStateCodes), w.request({ example: 'BW' })),
    'federalState muss ein Länderkürzel sein (z. B. BY, NW)',
  );

export const registrationWindowOf = <T extends TSchema, I extends TSchema>(w: PartWriting<T, I>) =>
  ClosedObject({
    opensAt: w.time('2027-02-01T09:00', 'Europe/Berlin'),
    closesAt: w.time('2027-04-08T23:59', 'Europe/Berlin'),
  });

/** e.g. Bavaria up to 25,000 inhabitants. */
export const targetGroupOf = <T extends TSchema, I extends TSchema>(w: PartWriting<T, I>) =>
  ClosedObject({
    federalStates: Type.Array(
      withMessage(
        OneOf(FederalStateCodes),
        'federalStates enthält ein unbekanntes Land; erlaubt sind die Länderkürzel wie BY, NW',
      ),
      { minItems: 1, uniqueItems: true, ...w.request({ example: ['BY'] }) },
    ),
    maxPopulation: Type.Optional(
      Type.Integer({
        minimum: 1,
        ...w.request({ maximum: 5_000_000, example: 25000, description: 'höchstens so viele Einwohner' }),
      }),
    ),
  });

export const venueOf = <T extends TSchema, I extends TSchema>(w: PartWriting<T, I>) =>
  ClosedObject({
    name: w.line(160, 'Kongresshaus Ulm'),
    street: Type.Optional(w.line(160, 'Basteistraße 40')),
    postalCode: Type.Optional(
      withMessage(
        Type.String({ pattern: '^\\d{5}$', ...w.request({ example: '89073' }) }),
        'postalCode muss eine fünfstellige Postleitzahl sein',
      ),
    ),
    city: w.line(120, 'Ulm'),
    federalState: federalStateOf(w),
  });

/** A member of the club (by id, with the name as of this revision) or an external speaker. */
export const speakerOf = <T extends TSchema, I extends TSchema>(w: PartWriting<T, I>) =>
  ClosedObject({
    kind: OneOf(['member', 'external']),
    memberId: Type.Optional(
      IdField('memberId', w.request({ description: 'ein Mitglied des Clubs; sonst name und organisation' })),
    ),
    name: w.line(160, 'Prof. Dr. Ada Beispiel'),
    organisation: Type.Optional(w.line(160, 'Hochschule Beispielstadt')),
    bio: Type.Optional(w.text(2000)),
  });

/**
 * One item of a forum's agenda. Workshops have their own capacity; workshops that start at the
 * same time form a parallel slot, and a participant chooses one workshop per slot.
 */
export const agendaSessionOf = <T extends TSchema, I extends TSchema, Speaker extends TSchema>(
  w: PartWriting<T, I>,
  speaker: Speaker,
) =>
  ClosedObject({
    sessionId: w.entryId('sessionId', 'beim Ändern: die Kennung der bestehenden Sitzung'),
    kind: OneOf(SessionKinds),
    title: w.line(200, 'Die Kommune als Plattform'),
    abstract: Type.Optional(w.text(4000)),
    startsAt: w.time('2027-05-12T09:30'),
    endsAt: w.time('2027-05-12T10:30'),
    room: Type.Optional(w.line(120, 'Saal Einstein')),
    speakers: Type.Array(speaker, { maxItems: 20 }),
    capacity: Type.Optional(
      withMessage(
        Type.Integer({
          minimum: 0,
          ...w.request({ maximum: 10_000, description: 'nur bei Workshops, dort Pflicht' }),
        }),
        { min: 'capacity darf nicht negativ sein' },
      ),
    ),
  });

/** What makes a forum: its guiding theme (Leitgedanke), its edition, its agenda. */
export const forumFieldsOf = <T extends TSchema, I extends TSchema, Session extends TSchema>(
  w: PartWriting<T, I>,
  session: Session,
) => ({
  /** The guiding theme (Leitgedanke) that runs through the forum. */
  leitgedanke: w.line(300, 'Kommune 2035: mutig, vernetzt, nah'),
  /** Which Deutschlandforum this is (the 23rd …), when known. */
  edition: Type.Optional(Type.Integer({ minimum: 1, ...w.request({ example: 23 }) })),
  sessions: Type.Array(session, { maxItems: 100 }),
});

export const hostMunicipalityOf = <T extends TSchema, I extends TSchema>(w: PartWriting<T, I>) =>
  ClosedObject({
    name: w.line(120, 'Ulm'),
    ags: Type.Optional(
      withMessage(
        CloneType(
          agsSchema,
          w.request({ description: 'Amtlicher Gemeindeschlüssel (8 Ziffern)', example: '08421000' }),
        ),
        'ags muss der 8-stellige Amtliche Gemeindeschlüssel sein (beginnend mit 01 bis 16)',
      ),
    ),
    federalState: federalStateOf(w),
  });

/** What makes a lounge: its topic and the host municipality it is organised with. */
export const loungeFieldsOf = <T extends TSchema, I extends TSchema>(w: PartWriting<T, I>) => ({
  topic: w.line(300, 'Die smarte Stadt im Alltag'),
  /** The host municipality the lounge is organised with. */
  host: hostMunicipalityOf(w),
});

export const circleModuleOf = <T extends TSchema, I extends TSchema>(w: PartWriting<T, I>) =>
  ClosedObject({
    moduleId: w.entryId('moduleId', 'beim Ändern: die Kennung des bestehenden Moduls'),
    title: w.line(200, 'Modul 1: Auftakt in Pegnitz'),
    /** Both set, or both absent while the date is still to be announced. */
    startsAt: Type.Optional(w.time('2027-08-14T10:00', 'fehlt, solange der Termin offen ist')),
    endsAt: Type.Optional(w.time('2027-08-14T16:00')),
    /** Shown while the date is open, e.g. "Frühjahr/Sommer 2027". */
    dateNote: Type.Optional(w.line(120, 'Frühjahr/Sommer 2028')),
    place: Type.Optional(w.line(200, 'Rathaus Pegnitz')),
    guidingQuestions: Type.Array(w.line(500), {
      maxItems: 20,
      ...w.request({ example: ['Wo steht unsere Kommune beim Klimaschutz?'] }),
    }),
  });

export const delegationRuleOf = <T extends TSchema, I extends TSchema>(w: PartWriting<T, I>) =>
  ClosedObject({
    /** At most this many people per municipality. */
    maxPeople: Type.Integer({ minimum: 1, maximum: 20, ...w.request({ example: 3 }) }),
    suggestedRoles: Type.Array(OneOf(DelegationRoles), {
      uniqueItems: true,
      ...w.request({ example: ['mayor', 'administration', 'civil-society'] }),
    }),
  });

/** What makes a Kommunalzirkel: its modules, the delegation each municipality sends, its fee. */
export const circleFieldsOf = <T extends TSchema, I extends TSchema, Module extends TSchema>(
  w: PartWriting<T, I>,
  module: Module,
) => ({
  modules: Type.Array(module, { minItems: 1, maxItems: 12 }),
  delegation: delegationRuleOf(w),
  /** 0 = free of charge. */
  feeCents: Type.Integer({
    minimum: 0,
    ...w.request({ maximum: 10_000_000, example: 0, description: 'Teilnahmegebühr in Cent; 0 = kostenfrei' }),
  }),
  feeNote: Type.Optional(w.line(300)),
});
