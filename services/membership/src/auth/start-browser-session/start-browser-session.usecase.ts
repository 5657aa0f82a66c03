import {
  BrowserSessionReply,
  StartMemberBrowserSessionRequest,
  StartStaffBrowserSessionRequest,
} from '@ic/contracts';
import { Injectable } from '@nestjs/common';
import { BrowserSessionsService } from '../browser-sessions.service';
import { RedeemSignInLinkUseCase } from '../redeem-sign-in-link/redeem-sign-in-link.usecase';
import { StaffLoginUseCase } from '../staff-login/staff-login.usecase';

/**
 * Signing in in a browser: the same proofs as for an access token (a sign-in link under its rules,
 * or the office's password with its slowdown after failures), but the result is a session behind a cookie.
 */
@Injectable()
export class StartBrowserSessionUseCase {
  constructor(
    private readonly signInLinks: RedeemSignInLinkUseCase,
    private readonly staffLogin: StaffLoginUseCase,
    private readonly browserSessions: BrowserSessionsService,
  ) {}

  async forMember(request: StartMemberBrowserSessionRequest): Promise<BrowserSessionReply> {
    const memberId = await this.signInLinks.redeem(request.token);
    return this.browserSessions.open(memberId, 'member', request.sessionSecretHash);
  }

  async forStaff(request: StartStaffBrowserSessionRequest): Promise<BrowserSessionReply> {
    const subject = await this.staffLogin.authenticate({ email: request.email, password: request.password });
    return this.browserSessions.open(
      subject,
      'staff',
      request.sessionSecretHash,
      this.staffLogin.holdsOperations(request.email),
    );
  }
}
