import { DelegationRoles } from '../club-events/vocabulary';
import { municipalityRequestSchema, personRequestFields } from '../membership/member-profile.dto';
import { pageQuerySchema } from '../membership/membership.dto';
import { FederalStateCodes, Salutations, Sectors } from '../membership/vocabulary';
import { eventIdSchema } from '../club-events/event-id';
import {
  BooleanQueryField,
  CloneType,
  ClosedComposite,
  ClosedObject,
  IdField,
  OneOf,
  RequestBody,
  Shape,
  SingleLineTextField,
  TSchema,
  Type,
  Uuid,
  withMessage,
} from '../schema';
import { RegistrationStatuses, SessionChoiceStatuses } from './vocabulary';

/**
 * Requests of the registrations service. The shape is checked here (400); whether the event,
 * the person and their municipality allow it is decided by the service (422 naming the rule).
 */

/** The field with an example of its own (CloneType's options would give way to the field's example). */
const withExample = <S extends TSchema>(field: S, example: string): S => ({ ...field, example });

/** A person who is not looked up by member id: name and address to write to them. */
export const personContactRequestSchema = ClosedObject({
  salutation: Type.Optional(
    CloneType(OneOf(Salutations), { default: 'keine', description: 'Anrede im Brief' }),
  ),
  firstName: withExample(personRequestFields.firstName, 'Anna'),
  lastName: withExample(personRequestFields.lastName, 'Beispiel'),
  email: withExample(personRequestFields.email, 'anna.beispiel@pegnitz.example'),
});

/** A guest the office registers for an event open to members and guests. */
export const guestRequestSchema = ClosedObject({
  ...personContactRequestSchema.properties,
  organisation: Type.Optional(withExample(personRequestFields.organisation, 'Hochschule Beispielstadt')),
});

export type GuestDto = Shape<typeof guestRequestSchema>;

/** One person of a municipality's delegation to a Kommunalzirkel; members and non-members alike. */
export const delegationPersonRequestSchema = ClosedObject({
  ...personContactRequestSchema.properties,
  personId: Type.Optional(
    IdField('personId', {
      description: 'beim Ändern: die Kennung einer Person, die in der Delegation bleibt',
    }),
  ),
  role: withMessage(
    CloneType(OneOf(DelegationRoles), { example: 'mayor', description: 'Funktion in der Delegation' }),
    `role erlaubt nur: ${DelegationRoles.join(', ')}`,
  ),
});
export type DelegationPersonDto = Shape<typeof delegationPersonRequestSchema>;

/** A delegation of 1 to 20 people; `tooFew` says in the list's own name that it needs one. */
const delegationOf = (tooFew: string, description?: string) =>
  withMessage(Type.Array(delegationPersonRequestSchema, { minItems: 1, maxItems: 20, description }), {
    arrayMinSize: tooFew,
  });

const registerSchema = ClosedObject({
  memberId: Type.Optional(
    IdField('memberId', {
      description: 'Nur Geschäftsstelle: dieses Mitglied anmelden. Mitglieder melden sich selbst an.',
    }),
  ),
  municipality: Type.Optional(
    CloneType(municipalityRequestSchema, {
      description: 'Nur Geschäftsstelle, Kommunalzirkel: im Namen dieser Kommune anmelden.',
    }),
  ),
  guest: Type.Optional(
    CloneType(guestRequestSchema, {
      description: 'Nur Geschäftsstelle, bei Veranstaltungen für Mitglieder und Gäste: einen Gast anmelden.',
    }),
  ),
  sessionIds: Type.Optional(
    withMessage(
      Type.Array(withMessage(Uuid(), 'sessionIds darf nur UUIDs enthalten'), {
        maxItems: 20,
        uniqueItems: true,
        description: 'Deutschlandforum: gewählte Workshops, höchstens einer je Zeitfenster.',
      }),
      { arrayUnique: 'sessionIds enthält einen Workshop doppelt' },
    ),
  ),
  delegation: Type.Optional(
    delegationOf(
      'delegation braucht mindestens eine Person',
      'Kommunalzirkel: die Personen, die die Kommune entsendet (höchstens die erlaubte Zahl).',
    ),
  ),
});
export class RegisterRequest extends RequestBody(registerSchema) {}

/** A registration as the gateway hands it to the registrations service: the event's id next to it. */
export class RegisterForEventRequest extends RequestBody(ClosedComposite([eventIdSchema, registerSchema])) {}

/** The whole delegation after the change: people with a personId stay, others are new. */
const changeDelegationSchema = ClosedObject({
  people: delegationOf('people braucht mindestens eine Person'),
});
export class ChangeDelegationRequest extends RequestBody(changeDelegationSchema) {}

/** The registration a request is about, by its id. */
const registrationIdSchema = ClosedObject({ registrationId: IdField('registrationId') });
export class RegistrationIdRequest extends RequestBody(registrationIdSchema) {}

/** A change of a delegation as the gateway hands it to the registrations service: the registration's id next to it. */
export class ChangeDelegationOfRegistrationRequest extends RequestBody(
  ClosedComposite([registrationIdSchema, changeDelegationSchema]),
) {}

const recordAttendanceSchema = ClosedObject({
  personId: Type.Optional(IdField('personId', { description: 'bei einer Delegation: die Person' })),
  moduleId: Type.Optional(
    IdField('moduleId', {
      description: 'beim Kommunalzirkel: das Modul, zu dem die Person gekommen ist (der Einlass je Modul)',
    }),
  ),
  attended: withMessage(
    Type.Boolean({ example: true, description: 'true: ist gekommen; false: nimmt die Markierung zurück' }),
    'attended muss true oder false sein',
  ),
});
export class RecordAttendanceRequest extends RequestBody(recordAttendanceSchema) {}

/** Attendance as the gateway hands it to the registrations service: the registration's id next to it. */
export class RecordAttendanceOfRegistrationRequest extends RequestBody(
  ClosedComposite([registrationIdSchema, recordAttendanceSchema]),
) {}

const declareInterestSchema = ClosedObject({
  municipality: Type.Optional(
    CloneType(municipalityRequestSchema, {
      description: 'Nur Geschäftsstelle: das Interesse dieser Kommune eintragen.',
    }),
  ),
  contact: Type.Optional(
    CloneType(personContactRequestSchema, {
      description: 'Nur Geschäftsstelle, mit municipality: wer in der Kommune informiert werden soll.',
    }),
  ),
});
export class DeclareInterestRequest extends RequestBody(declareInterestSchema) {}

/** An interest as the gateway hands it to the registrations service: the event's id next to it. */
export class DeclareInterestInEventRequest extends RequestBody(
  ClosedComposite([eventIdSchema, declareInterestSchema]),
) {}

/** Filters of the participant list and of its export. */
const participantFilterQuerySchema = ClosedObject({
  status: Type.Optional(
    CloneType(OneOf([...new Set([...RegistrationStatuses, ...SessionChoiceStatuses])]), {
      description: 'Mit sessionId: der Stand im Workshop (confirmed, waiting, pending).',
    }),
  ),
  federalState: Type.Optional(
    CloneType(OneOf(FederalStateCodes), { description: 'Land des Mitglieds oder der Kommune' }),
  ),
  sector: Type.Optional(CloneType(OneOf(Sectors), { description: 'Kommunen zählen zum Sektor Kommune' })),
  sessionId: Type.Optional(IdField('sessionId', { description: 'nur wer diesen Workshop gewählt hat' })),
  attended: Type.Optional(
    withMessage(
      BooleanQueryField({
        description:
          'true: beim Einlass vermerkt (bei einer Delegation mindestens eine Person); false: noch nicht',
      }),
      'attended muss true oder false sein',
    ),
  ),
  q: Type.Optional(
    SingleLineTextField(80, {
      description:
        'Suche in Name, Organisation, Kommune und den Personen einer Delegation (ä = ae = a), z. B. görlitz',
    }),
  ),
});
export class ParticipantFilterQuery extends RequestBody(participantFilterQuerySchema) {}

/** One page of the participant list. */
const participantListQuerySchema = ClosedObject({
  ...participantFilterQuerySchema.properties,
  ...pageQuerySchema.properties,
});
export class ParticipantListQuery extends RequestBody(participantListQuerySchema) {}

/** One page of an event's participant list, as the gateway asks the registrations service for it. */
export class ParticipantListRequest extends RequestBody(
  ClosedComposite([eventIdSchema, participantListQuerySchema]),
) {}

/** The signed-in member's registrations; with `eventId` only those for that event (at most their own and their municipality's). */
export class OwnRegistrationsQuery extends RequestBody(
  ClosedObject({
    ...pageQuerySchema.properties,
    eventId: Type.Optional(IdField('eventId', { description: 'nur die Anmeldung zu dieser Veranstaltung' })),
  }),
) {}

/** The signed-in member's interests; with `eventId` only the one in that event. */
export class OwnInterestsQuery extends RequestBody(
  ClosedObject({
    eventId: Type.Optional(IdField('eventId', { description: 'nur das Interesse an dieser Veranstaltung' })),
  }),
) {}
