import { ClosedComposite, ClosedObject, MultiLineTextField, RequestBody, Type, withMessage } from '../schema';
import { memberIdSchema } from './membership.dto';

/* A member leaving or the office ending a membership, and erasing a member's personal data. */

const endMembershipSchema = ClosedObject({
  note: Type.Optional(MultiLineTextField(2000, { description: 'Grund (für die Geschäftsstelle)' })),
});
export class EndMembershipRequest extends RequestBody(endMembershipSchema) {}

/** Erasing personal data cannot be undone: the body must say so explicitly. */
const eraseMemberDataSchema = ClosedObject({
  confirm: withMessage(
    Type.Literal(true, {
      description:
        'Muss `true` sein: bestätigt, dass alle personenbezogenen Daten unwiderruflich gelöscht werden sollen',
    }),
    'confirm muss true sein: Bitte bestätigen Sie, dass alle personenbezogenen Daten unwiderruflich gelöscht werden sollen',
  ),
});
export class EraseMemberDataRequest extends RequestBody(eraseMemberDataSchema) {}

/** The office ends a member's membership. */
export class EndMembershipOfMemberRequest extends RequestBody(
  ClosedComposite([memberIdSchema, endMembershipSchema]),
) {}

/** The office erases a member's personal data. */
export class EraseDataOfMemberRequest extends RequestBody(
  ClosedComposite([memberIdSchema, eraseMemberDataSchema]),
) {}
