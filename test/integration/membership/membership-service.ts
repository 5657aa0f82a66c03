import {
  ANONYMOUS,
  CallerIdentity,
  DomainTopics,
  InvitationDeclinedEvent,
  InvitationResentEvent,
  InvitationRevokedEvent,
  MemberActivatedEvent,
  MemberDeactivatedEvent,
  MemberInvitedEvent,
  MemberJoinedWorkingGroupEvent,
  MemberLeftWorkingGroupEvent,
  MemberProfileUpdatedEvent,
  MembershipRequests,
  SessionEndedEvent,
  SignInLinkRequestedEvent,
  WorkingGroupCreatedEvent,
} from '@ic/contracts';
import { SecretBox } from '@ic/platform';
import { newPlatformSecrets, PlatformSecrets, secretsEnv } from '../../../scripts/lib/platform-secrets';
import { ServiceUnderTest } from '../../support/service-under-test';
import { TEST_SERVICE_SETTINGS } from '../../support/test-infrastructure';

/** Short names of the membership event types (the types themselves come from the contracts). */
export const EventTypes = {
  invited: MemberInvitedEvent.type,
  resent: InvitationResentEvent.type,
  revoked: InvitationRevokedEvent.type,
  declined: InvitationDeclinedEvent.type,
  activated: MemberActivatedEvent.type,
  profileUpdated: MemberProfileUpdatedEvent.type,
  joined: MemberJoinedWorkingGroupEvent.type,
  left: MemberLeftWorkingGroupEvent.type,
  deactivated: MemberDeactivatedEvent.type,
  signInLink: SignInLinkRequestedEvent.type,
  sessionEnded: SessionEndedEvent.type,
  workingGroupCreated: WorkingGroupCreatedEvent.type,
} as const;

/**
 * The real membership service with fresh secrets (see ServiceUnderTest), plus what membership tests
 * need: the staff accounts it bootstraps, and the key of the sealed link tokens in its events.
 */
export class MembershipService extends ServiceUnderTest {
  readonly secrets: PlatformSecrets;
  readonly sealer: SecretBox;

  constructor(database?: string) {
    const secrets = newPlatformSecrets();
    super({
      service: 'membership',
      topic: DomainTopics.membership,
      database,
      env: { ...secretsEnv(secrets), ...TEST_SERVICE_SETTINGS },
    });
    this.secrets = secrets;
    this.sealer = SecretBox.fromBase64Key(secrets.linkTokenSecret);
  }

  /** Signs in a bootstrapped staff account and returns its identity. */
  async staff(index = 0): Promise<CallerIdentity> {
    const account = this.secrets.staff[index];
    const token = await this.send(
      MembershipRequests.staffLogin,
      { email: account.email, password: account.password },
      ANONYMOUS,
    );
    const claims = JSON.parse(Buffer.from(token.accessToken.split('.')[1], 'base64url').toString('utf8')) as {
      sid: string;
    };
    return { subject: token.subject, roles: ['staff'], sessionId: claims.sid };
  }

  /** Opens a sealed link token from an event, as the notifications service does. */
  open(sealed: unknown): string {
    if (typeof sealed !== 'string') throw new Error(`not a sealed token: ${String(sealed)}`);
    return this.sealer.open(sealed);
  }
}

export function memberIdentity(memberId: string, sessionId?: string): CallerIdentity {
  return { subject: memberId, roles: ['member'], ...(sessionId ? { sessionId } : {}) };
}
