import { InvitationIdRequest, MemberIdRequest, PageQuery } from '@ic/contracts';
import { UuidField } from '@ic/platform';

/**
 * Validated classes for the request payloads the contracts type as plain objects (an id next to a
 * DTO). The global ValidationPipe needs a class to check them and to refuse unknown fields.
 */
export class MemberIdPayload implements MemberIdRequest {
  @UuidField()
  memberId!: string;
}

export class MemberHistoryPayload extends PageQuery implements MemberIdRequest {
  @UuidField()
  memberId!: string;
}

export class InvitationIdPayload implements InvitationIdRequest {
  @UuidField()
  invitationId!: string;
}
