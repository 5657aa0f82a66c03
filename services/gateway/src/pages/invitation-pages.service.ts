import { MembershipRequests } from '@ic/contracts';
import { RpcClient, SendOptions } from '@ic/messaging';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { LINK_TOKEN } from '../http/path-params';
import { RenderedPage } from './html';
import {
  INVITATION_ADVICE,
  renderInvitationAccepted,
  renderInvitationDeclined,
  renderInvitationPreview,
} from './invitation.page';
import { DeclineForm, PageForm } from './page-forms';
import { malformedLinkProblem, pageProblemOf, renderProblemPage } from './page-problem';

/** The pages behind the link in the invitation e-mail: the invitation, and the outcome of an answer. */
@Injectable()
export class InvitationPages {
  constructor(private readonly rpc: RpcClient) {}

  show(token: string, call: SendOptions): Promise<RenderedPage> {
    return this.render(token, async () =>
      renderInvitationPreview(
        await this.rpc.send(MembershipRequests.previewInvitation, { token }, call),
        token,
        randomUUID(),
      ),
    );
  }

  accept(token: string, form: PageForm, call: SendOptions): Promise<RenderedPage> {
    return this.render(token, async () => {
      await this.rpc.send(MembershipRequests.acceptInvitation, { token }, withFormKey(call, form));
      return renderInvitationAccepted();
    });
  }

  decline(token: string, form: DeclineForm, call: SendOptions): Promise<RenderedPage> {
    return this.render(token, async () => {
      const reason = form.reason ? { reason: form.reason } : {};
      await this.rpc.send(
        MembershipRequests.declineInvitation,
        { token, ...reason },
        withFormKey(call, form),
      );
      return renderInvitationDeclined();
    });
  }

  private async render(token: string, page: () => Promise<RenderedPage>): Promise<RenderedPage> {
    if (!LINK_TOKEN.test(token)) return renderProblemPage(malformedLinkProblem(), INVITATION_ADVICE);
    try {
      return await page();
    } catch (error) {
      return renderProblemPage(pageProblemOf(error), INVITATION_ADVICE);
    }
  }
}

/** The key the page put into its form, so a repeated submit acts once. */
export function withFormKey(call: SendOptions, form: PageForm): SendOptions {
  return form.requestKey ? { ...call, idempotencyKey: form.requestKey } : call;
}
