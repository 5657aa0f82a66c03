import { MemberIdRequest, PageQuery } from '@ic/contracts';
import { UuidField } from '@ic/platform';

/**
 * The history's payload, a member id next to a page query: a validated class until PageQuery is a
 * schema too, then a RequestBody of both in libs/contracts.
 */
export class MemberHistoryPayload extends PageQuery implements MemberIdRequest {
  @UuidField()
  memberId!: string;
}
