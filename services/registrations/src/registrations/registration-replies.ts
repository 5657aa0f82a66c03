import { RegistrationReply } from '@ic/contracts';
import { Injectable } from '@nestjs/common';
import { KnownEvent } from '../replicas/known-event';
import { KnownMember } from '../replicas/known-member';
import { KnownMembersRepository } from '../replicas/known-members.repository';
import { RegistrationView } from './registration';
import { memberIdsOf, toRegistrationReply } from './registration.mapper';

/** Replies with names: the members a registration names are looked up in the replica, all at once. */
@Injectable()
export class RegistrationReplies {
  constructor(private readonly members: KnownMembersRepository) {}

  /** `known`: members at hand already, so that they need not be looked up again. */
  async of(
    view: RegistrationView,
    event: KnownEvent,
    known?: ReadonlyMap<string, KnownMember>,
  ): Promise<RegistrationReply> {
    return (await this.ofMany([view], event, known))[0];
  }

  async ofMany(
    views: readonly RegistrationView[],
    event: KnownEvent,
    known: ReadonlyMap<string, KnownMember> = new Map(),
  ): Promise<RegistrationReply[]> {
    const missing = memberIdsOf(views).filter((memberId) => !known.has(memberId));
    const members = new Map([...known, ...(await this.members.findByIds(missing))]);
    return views.map((view) => toRegistrationReply(view, { event, members }));
  }
}
