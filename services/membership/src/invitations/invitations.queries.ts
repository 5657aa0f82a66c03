import { Actor, InvitationListQuery, InvitationPreviewReply, InvitationReply, Page } from '@ic/contracts';
import { Clock, encodeCursor, hashLinkToken, NotFoundError, requireStaff } from '@ic/platform';
import { Injectable } from '@nestjs/common';
import { buildInvitationListQuery } from './invitation-list.query';
import { toInvitationPreviewReply, toInvitationReply } from './invitation.mapper';
import { InvitationMessages } from './invitation.rules';
import { InvitationsRepository } from './invitations.repository';

/** Reading invitations: the office's list and detail, and the invited person's preview by link. */
@Injectable()
export class InvitationsQueries {
  constructor(
    private readonly invitations: InvitationsRepository,
    private readonly clock: Clock,
  ) {}

  async list(query: InvitationListQuery, actor: Actor): Promise<Page<InvitationReply>> {
    requireStaff(actor);
    const now = this.clock.now();
    const plan = buildInvitationListQuery(query, now);
    const found = await this.invitations.findNewestFirst(plan.filter, plan.limit + 1);
    const page = found.slice(0, plan.limit);
    const last = page.at(-1);
    return {
      items: page.map((invitation) => toInvitationReply(invitation, now)),
      nextCursor: found.length > plan.limit && last ? encodeCursor('invitations', last.listKey) : null,
    };
  }

  async get(invitationId: string, actor: Actor): Promise<InvitationReply> {
    requireStaff(actor);
    const invitation = await this.invitations.findById(invitationId);
    if (!invitation) throw new NotFoundError(InvitationMessages.notFound);
    return toInvitationReply(invitation, this.clock.now());
  }

  /** Public: what the link's page shows, including whether it can still be answered. */
  async preview(token: string): Promise<InvitationPreviewReply> {
    const invitation = await this.invitations.findByTokenHash(hashLinkToken(token));
    if (!invitation) throw new NotFoundError(InvitationMessages.notFound);
    return toInvitationPreviewReply(invitation, this.clock.now());
  }
}
