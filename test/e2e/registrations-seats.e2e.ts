import { E2eClient, Page, Problem, SignedInMember } from '../support/e2e-client';
import {
  RegistrationsThroughTheGateway,
  Registration,
  ClubEvent,
  HOUR,
  address,
  loungeBody,
  forumBody,
} from '../support/registrations-e2e';

/**
 * Registrations end to end, through the gateway as the member portal and the staff console use it:
 * registering (the answer says at once: seat or waiting place), a burst for a small lounge, the
 * waiting list moving up on a cancellation, workshops one per parallel slot, a guest by the office.
 */
describe('Registrations through the gateway: seats, waiting places and workshops', () => {
  const bed = RegistrationsThroughTheGateway.forThisFile();
  const { register } = bed;
  let members: SignedInMember[];
  let client: E2eClient;
  let staff: string;

  beforeAll(() => {
    ({ members, client, staff } = bed);
  });

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
});
