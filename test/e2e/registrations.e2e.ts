import { ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER, formatBerlinTime } from '@ic/contracts';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { PlatformRunner } from '../../scripts/lib/platform-runner';
import { ApiResponse, E2eClient, fieldsOf, Page, Problem, SignedInMember } from '../support/e2e-client';
import { e2ePlatform, e2eSecrets } from '../support/e2e-platform';
import { eventually } from '../support/eventually';
import { testInfrastructure, uniqueSuffix } from '../support/test-infrastructure';

/**
 * Issue 5 end to end, through the gateway as the member portal and the staff console use it:
 * registering (the answer says at once: seat or waiting place), a burst for a small lounge, the
 * waiting list moving up on a cancellation, workshops, a municipality's delegation, interest before
 * registration opens, the office's lists, CSV, figures and check-in, refusals as problem+json, and
 * registering while the membership and events services are down. Mails are checked in the
 * notifications' own end-to-end file.
 */

interface Registration {
  registrationId: string;
  eventId: string;
  status: 'confirmed' | 'waiting' | 'cancelled';
  waitingPlace?: number;
  registrant: { kind: string; memberId?: string; name: string };
  sessions: { sessionId: string; title: string; status: string; waitingPlace?: number }[];
  delegation?: { personId: string; firstName: string; role: string; email: string; attended?: boolean }[];
  attended?: boolean;
}

interface ClubEvent {
  eventId: string;
  status: string;
  forum?: { sessions: { sessionId: string; title: string; kind: string }[] };
}

const run = uniqueSuffix();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const berlin = (instant: number) => formatBerlinTime(new Date(instant));
const address = (name: string) => `${name}.${run}@e2e-registrations.example`;

function invitation(name: string, overrides: Record<string, unknown> = {}) {
  return {
    salutation: 'Frau',
    officeTitle: 'Bürgermeisterin',
    firstName: 'Anna',
    lastName: `${name} ${run}`,
    email: address(name),
    organisation: `Stadt ${name}`,
    sector: 'Kommune',
    federalState: 'BW',
    municipality: { name: 'Ulm', ags: '08421000', population: 128_000 },
    themes: ['Digitalisierung'],
    ...overrides,
  };
}

const venue = { name: 'Stadthaus Ulm', city: 'Ulm', federalState: 'BW' };

function loungeBody(capacity: number, opensInMs: number) {
  return {
    title: `Innovators Lounge ${run}: Die smarte Stadt`,
    description: 'Die **Lounge** in Ulm.',
    themes: ['Digitalisierung'],
    capacity,
    registration: { opensAt: berlin(Date.now() + opensInMs), closesAt: berlin(Date.now() + 20 * DAY) },
    audience: 'members',
    startsAt: berlin(Date.now() + 21 * DAY),
    endsAt: berlin(Date.now() + 21 * DAY + 3 * HOUR),
    topic: 'Die smarte Stadt im Alltag',
    host: { name: 'Ulm', ags: '08421000', federalState: 'BW' },
    venue,
  };
}

function forumBody() {
  const day = Date.now() + 30 * DAY;
  const workshop = (title: string) => ({
    kind: 'workshop',
    title,
    startsAt: berlin(day + 2 * HOUR),
    endsAt: berlin(day + 4 * HOUR),
    capacity: 1,
    speakers: [{ name: 'Prof. Dr. Ada Beispiel', organisation: 'Hochschule Beispielstadt' }],
  });
  return {
    title: `Deutschlandforum ${run}`,
    description: 'Zwei Tage Austausch.',
    themes: ['Partizipation'],
    capacity: 50,
    registration: { opensAt: berlin(Date.now() - HOUR), closesAt: berlin(day - DAY) },
    audience: 'members-and-guests',
    startsAt: berlin(day),
    endsAt: berlin(day + 8 * HOUR),
    leitgedanke: 'Kommune 2035',
    venue,
    sessions: [workshop('Werkstatt Daten'), workshop('Werkstatt Energie')],
  };
}

function circleBody(opensInMs: number) {
  const day = Date.now() + 40 * DAY;
  return {
    title: `Kommunen for future ${run}`,
    description: 'Wandel vor Ort gestalten.',
    themes: ['Klimaschutz'],
    capacity: 30,
    registration: { opensAt: berlin(Date.now() + opensInMs), closesAt: berlin(day - DAY) },
    audience: 'target-group',
    targetGroup: { federalStates: ['BY'], maxPopulation: 25_000 },
    modules: [
      {
        title: 'Modul 1: Auftakt in Pegnitz',
        startsAt: berlin(day),
        endsAt: berlin(day + 6 * HOUR),
        place: 'Rathaus Pegnitz',
        guidingQuestions: ['Wo steht unsere Kommune beim Klimaschutz?'],
      },
    ],
    delegation: { maxPeople: 3, suggestedRoles: ['mayor', 'administration', 'civil-society'] },
    feeCents: 0,
  };
}

describe('Registrations through the gateway', () => {
  let platform: PlatformRunner;
  let client: E2eClient;
  let staff: string;
  let members: SignedInMember[];
  let pegnitz: SignedInMember;

  beforeAll(async () => {
    platform = e2ePlatform();
    await platform.start();
    client = new E2eClient(platform.gatewayUrl, testInfrastructure().mailSinkUrl);
    staff = await client.staffLogin(0);
    members = await Promise.all(
      Array.from({ length: 8 }, (_, index) => client.newMember(staff, invitation(`Ulm${index}`))),
    );
    pegnitz = await client.newMember(
      staff,
      invitation('Pegnitz', {
        federalState: 'BY',
        municipality: { name: 'Pegnitz', ags: '09472175', population: 13_700 },
      }),
    );
  });

  afterAll(() => platform?.stop());

  /** A validly signed token of the member for a session that no gateway has checked yet. */
  function tokenOfAnotherSession(member: SignedInMember): string {
    return new JwtService({ secret: e2eSecrets.jwtSecret }).sign(
      { sub: member.id, role: 'member', sid: randomUUID() },
      { issuer: ACCESS_TOKEN_ISSUER, audience: ACCESS_TOKEN_AUDIENCE, expiresIn: 600 },
    );
  }

  /** Registers like a client that retries a timeout (504) with the same Idempotency-Key. */
  async function register(
    eventId: string,
    token: string,
    body: object = {},
  ): Promise<ApiResponse<Registration>> {
    const key = randomUUID();
    for (;;) {
      const response = await client.call<Registration>('POST', `/events/${eventId}/registrations`, {
        token,
        body,
        headers: { 'Idempotency-Key': key },
      });
      if (response.status !== 504) return response;
    }
  }

  it('confirms a burst up to the capacity, numbers the rest on the waiting list, and moves them up in order', async () => {
    const lounge = await client.publishEvent<ClubEvent>(
      staff,
      'lounges',
      loungeBody(3, -HOUR),
      'registration-open',
    );

    const answers = await Promise.all(members.map((member) => register(lounge.eventId, member.token)));

    expect(answers.map((answer) => answer.status)).toEqual(Array(members.length).fill(201));
    const confirmed = answers.filter((answer) => answer.body.status === 'confirmed');
    const waiting = answers
      .filter((answer) => answer.body.status === 'waiting')
      .sort((a, b) => (a.body.waitingPlace ?? 0) - (b.body.waitingPlace ?? 0));
    expect(confirmed).toHaveLength(3);
    expect(waiting.map((answer) => answer.body.waitingPlace)).toEqual([1, 2, 3, 4, 5]);
    expect(answers[0].headers.get('location')).toBe(
      `/api/v1/registrations/${answers[0].body.registrationId}`,
    );

    const [leaving] = confirmed;
    const leaver = members.find((member) => member.id === leaving.body.registrant.memberId)!;
    const cancelled = await client.call<Registration>(
      'DELETE',
      `/registrations/${leaving.body.registrationId}`,
      {
        token: leaver.token,
      },
    );
    expect(cancelled.body.status).toBe('cancelled');

    const first = waiting[0].body;
    const firstMember = members.find((member) => member.id === first.registrant.memberId)!;
    const promoted = await client.call<Registration>('GET', `/registrations/${first.registrationId}`, {
      token: firstMember.token,
    });
    expect(promoted.body.status).toBe('confirmed');
    const own = await client.call<Page<Registration>>('GET', '/me/registrations', {
      token: firstMember.token,
    });
    expect(own.body.items).toEqual([
      expect.objectContaining({ registrationId: first.registrationId, status: 'confirmed' }),
    ]);
    const second = await client.call<Registration>(
      'GET',
      `/registrations/${waiting[1].body.registrationId}`,
      {
        token: staff,
      },
    );
    expect(second.body.waitingPlace).toBe(1);

    // Registering again: the existing registration, with 200.
    const again = await register(lounge.eventId, firstMember.token);
    expect(again.status).toBe(200);
    expect(again.body.registrationId).toBe(first.registrationId);

    // Someone else's registration does not exist for a member.
    const foreign = await client.call<Problem>('GET', `/registrations/${first.registrationId}`, {
      token: leaver.token,
    });
    expect(foreign.status).toBe(404);

    const stats = await client.call('GET', `/events/${lounge.eventId}/registration-stats`, { token: staff });
    expect(stats.body).toMatchObject({ capacity: 3, confirmed: 3, waiting: 4, cancelled: 1 });

    const list = await client.call<Page<Registration>>(
      'GET',
      `/events/${lounge.eventId}/participants?status=waiting&limit=2`,
      {
        token: staff,
      },
    );
    expect(list.body.items.map((item) => item.waitingPlace)).toEqual([1, 2]);
    expect(list.body.nextCursor).toEqual(expect.any(String));

    const csv = await fetch(`${client.apiUrl}/events/${lounge.eventId}/participants.csv`, {
      headers: { authorization: `Bearer ${staff}` },
    });
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(1 + members.length);
    expect(lines[0].split(';').slice(0, 4)).toEqual(['"Stand"', '"Warteplatz"', '"Art"', '"Name"']);
    expect(csv.headers.get('content-disposition')).toMatch(
      /^attachment; filename="teilnehmende-[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.csv"; filename\*=UTF-8''teilnehmende-/,
    );
    expect(lines.slice(1).filter((line) => line.startsWith('"Bestätigt"'))).toHaveLength(3);

    // Three weeks before the event the door is not open: the check-in is refused in words.
    const checkIn = await client.call<Problem>('POST', `/registrations/${first.registrationId}/attendance`, {
      token: staff,
      body: { attended: true },
    });
    expect(checkIn.status).toBe(422);
    expect(checkIn.headers.get('content-type')).toContain('application/problem+json');
    expect(checkIn.body).toMatchObject({
      rule: 'attendance-not-today',
      detail: expect.stringContaining('Der Einlass ist nur am Tag der Veranstaltung möglich'),
    });
  });

  it('seats workshops one per parallel slot and refuses two at once, naming the rule', async () => {
    const forum = await client.publishEvent<ClubEvent>(staff, 'forums', forumBody(), 'registration-open');
    const [data, energy] = forum.forum!.sessions;

    const both = await register(forum.eventId, members[0].token, {
      sessionIds: [data.sessionId, energy.sessionId],
    });
    expect(both.status).toBe(422);
    expect(both.headers.get('content-type')).toContain('application/problem+json');
    expect(both.body).toMatchObject({ rule: 'workshop-parallel-slot' });

    const first = await register(forum.eventId, members[0].token, { sessionIds: [data.sessionId] });
    const second = await register(forum.eventId, members[1].token, { sessionIds: [data.sessionId] });
    expect(first.body.sessions).toEqual([
      expect.objectContaining({ title: 'Werkstatt Daten', status: 'confirmed' }),
    ]);
    expect(second.body).toMatchObject({
      status: 'confirmed',
      sessions: [{ sessionId: data.sessionId, status: 'waiting', waitingPlace: 1 }],
    });

    const workshopList = await client.call<Page<Registration>>(
      'GET',
      `/events/${forum.eventId}/participants?sessionId=${data.sessionId}&status=waiting`,
      { token: staff },
    );
    expect(workshopList.body.items.map((item) => item.registrationId)).toEqual([second.body.registrationId]);

    const guest = await register(forum.eventId, staff, {
      guest: {
        firstName: 'Katrin',
        lastName: 'Vollmer',
        email: address('gast'),
        organisation: 'Hochschule Kehl',
      },
    });
    expect(guest.status).toBe(201);
    expect(guest.body.registrant).toMatchObject({ kind: 'guest', name: 'Katrin Vollmer' });
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
