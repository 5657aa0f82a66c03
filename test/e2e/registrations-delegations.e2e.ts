import { randomUUID } from 'node:crypto';
import { PlatformRunner } from '../../scripts/lib/platform-runner';
import { E2eClient, fieldsOf, Problem, SignedInMember } from '../support/e2e-client';
import { eventually } from '../support/eventually';
import {
  RegistrationsThroughTheGateway,
  Registration,
  ClubEvent,
  HOUR,
  DAY,
  address,
  loungeBody,
  circleBody,
} from '../support/registrations-e2e';

/**
 * Registrations end to end, through the gateway as the member portal and the staff console use it:
 * interest before registration opens, a municipality's delegation, the office's lists, CSV, figures
 * and check-in, refusals as problem+json, and registering while the membership and events services
 * are down. Mails are checked in the notifications' own end-to-end file.
 */
describe('Registrations through the gateway: interest, delegations, refusals and outages', () => {
  const bed = RegistrationsThroughTheGateway.forThisFile();
  const { tokenOfAnotherSession, register } = bed;
  let members: SignedInMember[];
  let pegnitz: SignedInMember;
  let client: E2eClient;
  let staff: string;
  let platform: PlatformRunner;

  beforeAll(() => {
    ({ members, pegnitz, client, staff, platform } = bed);
  });

  it('takes interest before registration opens, then a municipality’s delegation, changed until it closes', async () => {
    const circle = await client.publishEvent<ClubEvent>(staff, 'circles', circleBody(DAY), 'announced');

    const interest = await client.call('POST', `/events/${circle.eventId}/interest`, {
      token: pegnitz.token,
    });
    const byOffice = await client.call('POST', `/events/${circle.eventId}/interest`, {
      token: staff,
      body: {
        municipality: { name: 'Hersbruck', ags: '09574132', population: 12_800 },
        contact: { firstName: 'Andrea', lastName: 'Lindner', email: address('hersbruck') },
      },
    });
    expect([interest.status, byOffice.status]).toEqual([201, 201]);
    expect(interest.body).toMatchObject({ holder: { kind: 'municipality', memberId: pegnitz.id } });
    const early = await register(circle.eventId, pegnitz.token, { delegation: [] });
    expect(early.status).toBe(400);
    expect(fieldsOf(early.body)).toEqual(['delegation']);
    const notYet = await register(circle.eventId, pegnitz.token, {
      delegation: [{ firstName: 'Anna', lastName: 'Beispiel', role: 'mayor', email: address('anna') }],
    });
    expect(notYet.body).toMatchObject({ rule: 'registration-not-open' });

    expect(
      (await client.call('POST', `/events/${circle.eventId}/open-registration`, { token: staff })).status,
    ).toBe(200);
    await eventually(async () => {
      const stats = await client.call('GET', `/events/${circle.eventId}/registration-stats`, {
        token: staff,
      });
      expect(stats.body).toMatchObject({ eventStatus: 'registration-open', interestedMunicipalities: 2 });
    });

    const delegation = await register(circle.eventId, pegnitz.token, {
      delegation: [
        {
          salutation: 'Frau',
          firstName: 'Anna',
          lastName: 'Beispiel',
          role: 'mayor',
          email: address('anna'),
        },
        { firstName: 'Bernd', lastName: 'Beispiel', role: 'administration', email: address('bernd') },
      ],
    });
    expect(delegation.status).toBe(201);
    expect(delegation.body.registrant).toMatchObject({ kind: 'municipality', name: 'Pegnitz' });
    const tooMany = await client.call<Problem & { rule: string }>(
      'PUT',
      `/registrations/${delegation.body.registrationId}/delegation`,
      {
        token: pegnitz.token,
        body: {
          people: ['a', 'b', 'c', 'd'].map((name) => ({
            firstName: name,
            lastName: 'Beispiel',
            role: 'other',
            email: address(name),
          })),
        },
      },
    );
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.rule).toBe('delegation-size');
    const [anna] = delegation.body.delegation!;
    const changed = await client.call<Registration>(
      'PUT',
      `/registrations/${delegation.body.registrationId}/delegation`,
      {
        token: pegnitz.token,
        body: {
          people: [
            {
              personId: anna.personId,
              salutation: 'Frau',
              firstName: 'Anna',
              lastName: 'Beispiel',
              role: 'mayor',
              email: address('anna'),
            },
            { firstName: 'Carla', lastName: 'Beispiel', role: 'civil-society', email: address('carla') },
          ],
        },
      },
    );
    expect(changed.status).toBe(200);
    expect(changed.body.delegation!.map((person) => person.firstName)).toEqual(['Anna', 'Carla']);

    const outsider = await register(circle.eventId, members[0].token, {
      delegation: [{ firstName: 'X', lastName: 'Y', role: 'mayor', email: address('x') }],
    });
    expect(outsider.status).toBe(422);
    expect(outsider.body).toMatchObject({ rule: 'target-group-federal-state' });
  });

  it('refuses malformed and unauthorised requests with problem+json, storing nothing', async () => {
    const lounge = await client.publishEvent<ClubEvent>(
      staff,
      'lounges',
      loungeBody(5, -HOUR),
      'registration-open',
    );
    const malformed = await client.call<Problem>('POST', `/events/${lounge.eventId}/registrations`, {
      token: members[0].token,
      body: { sessionIds: 'all', extra: true },
    });
    expect(malformed.status).toBe(400);
    expect(fieldsOf(malformed.body)).toEqual(expect.arrayContaining(['sessionIds', 'extra']));
    const forOthers = await register(lounge.eventId, members[0].token, { memberId: members[1].id });
    expect(forOthers.status).toBe(403);
    const unknown = await register(randomUUID(), members[0].token);
    expect(unknown.status).toBe(404);
    const anonymous = await client.call('POST', `/events/${lounge.eventId}/registrations`, { body: {} });
    expect(anonymous.status).toBe(401);
    const stats = await client.call('GET', `/events/${lounge.eventId}/registration-stats`, { token: staff });
    expect(stats.body).toMatchObject({ confirmed: 0, waiting: 0, cancelled: 0 });
  });

  it('registers while the membership and events services are down, from its own replicas', async () => {
    const lounge = await client.publishEvent<ClubEvent>(
      staff,
      'lounges',
      loungeBody(5, -HOUR),
      'registration-open',
    );
    // The gateway checked this member's session a moment ago: it remembers the answer for 10 s.
    expect((await client.call('GET', '/members/me', { token: members[2].token })).status).toBe(200);
    await platform.kill('membership');
    await platform.kill('events');
    try {
      const answer = await register(lounge.eventId, members[2].token);
      expect(answer.status).toBe(201);
      expect(answer.body).toMatchObject({ status: 'confirmed', eventId: lounge.eventId });

      // A session it knows nothing about is not taken on trust without the membership service.
      const unchecked = await client.call<Problem>('POST', `/events/${lounge.eventId}/registrations`, {
        token: tokenOfAnotherSession(members[3]),
        body: {},
      });
      expect(unchecked.status).toBe(503);
      expect(unchecked.headers.get('content-type')).toContain('application/problem+json');
      expect(unchecked.body.detail).toBe(
        'Ihre Anmeldung kann gerade nicht geprüft werden. Bitte versuchen Sie es in einer Minute erneut.',
      );
    } finally {
      await platform.restart('membership');
      await platform.restart('events');
    }
  });
});
