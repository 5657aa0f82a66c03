import { InterestReply } from '@ic/contracts';
import { compact } from '@ic/platform';
import { Interest } from './interest';

export function toInterestReply(interest: Omit<Interest, 'revision'>): InterestReply {
  return {
    interestId: interest.interestId,
    eventId: interest.eventId,
    holder: compact({
      kind: interest.holder.kind,
      memberId: interest.holder.memberId,
      municipality: interest.holder.municipality,
    }),
    declaredBy: interest.declaredBy,
    declaredAt: interest.declaredAt.toISOString(),
  };
}
