import { MembershipRequests } from '@ic/contracts';
import { RpcClient, SendOptions } from '@ic/messaging';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { LINK_TOKEN } from '../http/path-params';
import { RenderedPage } from './html';
import { withFormKey } from './invitation-pages.service';
import { PageForm } from './page-forms';
import { malformedLinkProblem, pageProblemOf, renderProblemPage } from './page-problem';
import { renderSignedIn, renderSignInConfirmation, SIGN_IN_ADVICE } from './sign-in.page';

/** The pages behind the link in the sign-in e-mail. Only the POST redeems the single-use link. */
@Injectable()
export class SignInPages {
  constructor(private readonly rpc: RpcClient) {}

  confirm(token: string): RenderedPage {
    if (!LINK_TOKEN.test(token)) return renderProblemPage(malformedLinkProblem(), SIGN_IN_ADVICE);
    return renderSignInConfirmation(token, randomUUID());
  }

  async redeem(token: string, form: PageForm, call: SendOptions): Promise<RenderedPage> {
    if (!LINK_TOKEN.test(token)) return renderProblemPage(malformedLinkProblem(), SIGN_IN_ADVICE);
    try {
      return renderSignedIn(
        await this.rpc.send(MembershipRequests.redeemSignInLink, { token }, withFormKey(call, form)),
      );
    } catch (error) {
      return renderProblemPage(pageProblemOf(error), SIGN_IN_ADVICE);
    }
  }
}
