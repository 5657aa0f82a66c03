import { exampleProfile, SignInLinkRequestedEvent } from '@ic/contracts';
import { hashLinkToken, RecordedFact, SecretBox } from '@ic/platform';
import { ConfigService } from '@nestjs/config';
import { Member } from '../../members/member';
import { EmailClaimsService } from '../../members/email-claims/email-claims.service';
import { MembershipEnv } from '../../membership.env';
import { SignInLinkAggregate } from '../sign-in-link.aggregate';
import { SignInLink } from '../sign-in-link.rules';
import { SignInLinksRepository } from '../sign-in-links.repository';
import { MIN_ANSWER_MS, RequestSignInLinkUseCase } from './request-sign-in-link.usecase';
import { mock } from 'jest-mock-extended';

const now = new Date('2026-11-21T10:00:00.000Z');
const sealer = SecretBox.fromBase64Key(Buffer.alloc(32, 7).toString('base64'));

function member(status: Member['status']): Member {
  return {
    id: '5b0f7a52-3c1e-4d7e-9a51-0f6f1c2b8a10',
    revision: 0,
    profile: exampleProfile,
    status,
    workingGroups: [],
    joinedAt: now,
    announcementsOptOut: false,
  };
}

function setup(found: Member | null, linksInLastHour = 0) {
  const inserted: { link: SignInLink; facts: RecordedFact[]; correlationId?: string }[] = [];
  const claims = mock<EmailClaimsService>({ memberHolding: () => Promise.resolve(found) });
  const links = mock<SignInLinksRepository>({
    countForMemberSince: () => Promise.resolve(linksInLastHour),
    insert: (link: SignInLinkAggregate, correlationId?: string) => {
      inserted.push({ link: link.state, facts: link.takeFacts(), correlationId });
      return Promise.resolve();
    },
  });
  const config = new ConfigService<MembershipEnv, true>({
    SIGN_IN_LINKS_PER_HOUR: 5,
    SIGN_IN_LINK_VALIDITY_MINUTES: 15,
  });
  const sut = new RequestSignInLinkUseCase(claims, links, sealer, config, { now: () => now });
  return { sut, inserted };
}

describe(RequestSignInLinkUseCase.name, () => {
  describe('execute', () => {
    it('stores a link for an active member and publishes SignInLinkRequested with the sealed token', async () => {
      const { sut, inserted } = setup(member('active'));
      await expect(sut.execute({ email: exampleProfile.email }, 'corr-1')).resolves.toEqual({
        accepted: true,
      });
      expect(inserted).toHaveLength(1);
      const [{ link, facts, correlationId }] = inserted;
      expect(correlationId).toBe('corr-1');
      expect(link).toEqual({
        tokenHash: link.tokenHash,
        memberId: member('active').id,
        createdAt: now,
        expiresAt: new Date('2026-11-21T10:15:00.000Z'),
      });
      expect(facts).toEqual([
        {
          contract: SignInLinkRequestedEvent,
          data: {
            memberId: member('active').id,
            expiresAt: '2026-11-21T10:15:00.000Z',
            signInToken: expect.any(String),
          },
        },
      ]);
      const token = sealer.open((facts[0].data as { signInToken: string }).signInToken);
      expect(link.tokenHash).toBe(hashLinkToken(token));
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    });

    it('carries the page to go on to into the event, and nothing when none was asked for', async () => {
      const { sut, inserted } = setup(member('active'));
      await sut.execute({ email: exampleProfile.email, returnTo: '/veranstaltungen/abc?ansicht=1' });
      await sut.execute({ email: exampleProfile.email });
      expect(inserted.map(({ facts }) => facts[0]?.data)).toEqual([
        expect.objectContaining({ returnTo: '/veranstaltungen/abc?ansicht=1' }),
        expect.not.objectContaining({ returnTo: expect.anything() }),
      ]);
    });

    it.each([
      ['an unknown address', null, 0],
      ['an inactive member', member('inactive'), 0],
      ['a member at the hourly limit', member('active'), 5],
    ])('answers %s the same, after the same minimum time, without a link', async (_case, found, recent) => {
      const { sut, inserted } = setup(found, recent);
      const started = Date.now();
      await expect(sut.execute({ email: 'x@kalletal.example' })).resolves.toEqual({ accepted: true });
      expect(Date.now() - started).toBeGreaterThanOrEqual(MIN_ANSWER_MS - 5);
      expect(inserted).toEqual([]);
    });
  });
});
