import { MembershipRequests, UNSUBSCRIBE_TOKEN } from '@ic/contracts';
import { RpcClient, SendOptions } from '@ic/messaging/client';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { RenderedPage } from './html';
import { UnsubscribeForm, withFormKey } from './page-forms';
import { malformedLinkProblem, pageProblemOf, renderProblemPage } from './page-problem';
import { renderUnsubscribeConfirmation, renderUnsubscribed, UNSUBSCRIBE_ADVICE } from './unsubscribe.page';

/** The pages behind the unsubscribe link of an announcement. Only the POST unsubscribes. */
@Injectable()
export class UnsubscribePages {
  constructor(private readonly rpc: RpcClient) {}

  confirm(token: string): RenderedPage {
    if (!UNSUBSCRIBE_TOKEN.test(token)) return renderProblemPage(malformedLinkProblem(), UNSUBSCRIBE_ADVICE);
    return renderUnsubscribeConfirmation(token, randomUUID());
  }

  /** From the page's button, or a mail program's one-click POST (RFC 8058), which has no request key. */
  async unsubscribe(token: string, form: UnsubscribeForm, call: SendOptions): Promise<RenderedPage> {
    if (!UNSUBSCRIBE_TOKEN.test(token)) return renderProblemPage(malformedLinkProblem(), UNSUBSCRIBE_ADVICE);
    try {
      await this.rpc.send(MembershipRequests.unsubscribeAnnouncements, { token }, withFormKey(call, form));
      return renderUnsubscribed();
    } catch (error) {
      return renderProblemPage(pageProblemOf(error), UNSUBSCRIBE_ADVICE);
    }
  }
}
