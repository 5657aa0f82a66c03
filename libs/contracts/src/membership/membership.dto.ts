import { FederalStateCodes, InvitationStatuses, MemberStatuses, Sectors, Themes } from './vocabulary';
import {
  ClosedComposite,
  ClosedObject,
  CloneType,
  IdField,
  IntegerQueryField,
  MultiLineTextField,
  OneOf,
  RequestBody,
  SingleLineTextField,
  Type,
  withMessage,
} from '../schema';

/** The short name of a working group in its address: small letters, digits and hyphens. */
export const WORKING_GROUP_ID = /^[a-z0-9-]{2,60}$/;

const createWorkingGroupSchema = ClosedObject({
  id: withMessage(
    Type.String({
      example: 'smartes-land',
      description: 'Kurzname in der Adresse: Kleinbuchstaben, Ziffern, Bindestriche',
      pattern: WORKING_GROUP_ID.source,
    }),
    'id darf nur Kleinbuchstaben, Ziffern und Bindestriche enthalten (2–60 Zeichen)',
  ),
  name: SingleLineTextField(80, { minLength: 2, example: 'Smartes Land' }),
  description: Type.Optional(MultiLineTextField(2000)),
});
export class CreateWorkingGroupRequest extends RequestBody(createWorkingGroupSchema) {}

const workingGroupIdSchema = ClosedObject({
  workingGroupId: withMessage(
    Type.String({ example: 'digitales', pattern: WORKING_GROUP_ID.source }),
    'workingGroupId ist keine gültige Arbeitsgruppen-Kennung',
  ),
});
export class WorkingGroupIdRequest extends RequestBody(workingGroupIdSchema) {}

export const memberIdSchema = ClosedObject({
  memberId: IdField('memberId'),
});
/** A request about one member: theirs or, for the office, anyone's. */
export class MemberIdRequest extends RequestBody(memberIdSchema) {}

/** A request about one invitation. */
export class InvitationIdRequest extends RequestBody(
  ClosedObject({ invitationId: IdField('invitationId') }),
) {}

export class WorkingGroupMemberRequest extends RequestBody(
  ClosedComposite([workingGroupIdSchema, memberIdSchema]),
) {}

const PAGE_CURSOR = /^[A-Za-z0-9_-]{1,400}$/;

/** Cursor paging of every list: `limit` items, then `cursor` from the previous page's `nextCursor`. */
export const pageQuerySchema = ClosedObject({
  cursor: Type.Optional(
    withMessage(
      Type.String({ description: 'nextCursor der vorigen Seite', pattern: PAGE_CURSOR.source }),
      'cursor ist ungültig',
    ),
  ),
  limit: Type.Optional(IntegerQueryField({ minimum: 1, maximum: 100, default: 20 })),
});

const directoryQuerySchema = ClosedObject({
  ...pageQuerySchema.properties,
  federalState: Type.Optional(OneOf(FederalStateCodes)),
  sector: Type.Optional(OneOf(Sectors)),
  workingGroup: Type.Optional(
    withMessage(
      Type.String({
        description: 'Kennung der Arbeitsgruppe, z. B. digitales',
        pattern: WORKING_GROUP_ID.source,
      }),
      'workingGroup ist keine gültige Arbeitsgruppen-Kennung',
    ),
  ),
  theme: Type.Optional(OneOf(Themes)),
  status: Type.Optional(
    CloneType(OneOf(MemberStatuses), {
      description:
        'Nur für die Geschäftsstelle: active (Mitglied) oder inactive (Mitgliedschaft beendet); ohne Angabe beide. ' +
        'Mitglieder sehen immer nur aktive Mitglieder.',
    }),
  ),
  q: Type.Optional(
    SingleLineTextField(80, { description: 'Suche in Name, Organisation und Kommune, z. B. kalletal' }),
  ),
});
export class DirectoryQuery extends RequestBody(directoryQuerySchema) {}

const invitationListQuerySchema = ClosedObject({
  ...pageQuerySchema.properties,
  status: Type.Optional(OneOf(InvitationStatuses)),
  q: Type.Optional(
    SingleLineTextField(80, {
      description:
        'Suche in Vor- und Nachname, E-Mail-Adresse, Organisation und Kommune (ohne Rücksicht auf Groß- und ' +
        'Kleinschreibung); mehrere Wörter müssen alle vorkommen; z. B. kalletal',
    }),
  ),
});
export class InvitationListQuery extends RequestBody(invitationListQuerySchema) {}

/** One page of a member's history. */
const memberHistoryQuerySchema = ClosedObject({ ...pageQuerySchema.properties });
export class MemberHistoryQuery extends RequestBody(memberHistoryQuerySchema) {}

/** One page of a member's history as the gateway asks the membership service for it: the member's id next to it. */
export class MemberHistoryRequest extends RequestBody(
  ClosedComposite([memberIdSchema, memberHistoryQuerySchema]),
) {}
