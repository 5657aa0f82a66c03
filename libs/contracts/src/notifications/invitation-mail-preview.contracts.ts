import { ClosedObject, RequestBody, Shape, Type } from '../schema';
import { inviteMemberSchema } from '../membership';
import { defineRequest } from '../requests/request-pattern';

const invitation = inviteMemberSchema.properties;

/**
 * What the invitation mail is made of before it is sent: the person's form of address and the
 * office's personal words, as in `InviteMemberRequest` (the same fields).
 */
export class InvitationMailPreviewRequest extends RequestBody(
  ClosedObject({
    salutation: invitation.salutation,
    academicTitle: invitation.academicTitle,
    officeTitle: invitation.officeTitle,
    firstName: invitation.firstName,
    lastName: invitation.lastName,
    personalMessage: invitation.personalMessage,
  }),
) {}

/** The invitation mail's subject and plain text, with placeholders for the link and the expiry. */
export const invitationMailPreviewReplySchema = ClosedObject({
  subject: Type.String({ example: 'Ihre Berufung in den Innovators Club des DStGB' }),
  text: Type.String({
    description:
      'Der Text der E-Mail; der persönliche Link und die Frist werden erst beim Versand eingesetzt.',
  }),
});
export type InvitationMailPreviewReply = Shape<typeof invitationMailPreviewReplySchema>;

export const InvitationMailPreviewRequests = {
  previewInvitationMail: defineRequest<InvitationMailPreviewRequest, InvitationMailPreviewReply>(
    'notifications',
    'invitation-mail.preview',
  ),
} as const;
