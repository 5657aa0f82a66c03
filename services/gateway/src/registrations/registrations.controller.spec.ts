import { EventsRequests, RegistrationReply, RegistrationsRequests } from '@ic/contracts';
import { RuleViolationError } from '@ic/platform';
import { randomUUID } from 'node:crypto';
import { fieldsOf, GatewayTestApp, signTestToken, startGatewayTestApp } from '../testing/gateway-test-app';
import { newClubEventReply, newRegistrationReply } from '../testing/reply-factories';
import { RegistrationsController } from './registrations.controller';

const eventId = randomUUID();
const memberId = randomUUID();
const member = signTestToken({ sub: memberId, role: 'member' });
const staff = signTestToken({ role: 'staff' });

function registrationReply(overrides: Partial<RegistrationReply> = {}): RegistrationReply {
  return newRegistrationReply({ eventId, ...overrides }, memberId);
}

describe(RegistrationsController.name, () => {
  let sut: GatewayTestApp;

  beforeEach(async () => {
    sut = await startGatewayTestApp();
  });

  afterEach(() => sut.close());

  describe('POST /events/{eventId}/registrations', () => {
    it('answers 201 with the place and the Location, sending the event id as the Kafka key', async () => {
      const registration = registrationReply();
      sut.rpc.answer(RegistrationsRequests.register, () => ({ created: true, registration }));

      const response = await sut.request(`/api/v1/events/${eventId}/registrations`, {
        method: 'POST',
        token: member,
        body: {},
      });

      expect(response.status).toBe(201);
      expect(response.headers.get('location')).toBe(`/api/v1/registrations/${registration.registrationId}`);
      expect(response.json).toMatchObject({ status: 'waiting', waitingPlace: 3 });
      const [sent] = sut.rpc.sentTo(RegistrationsRequests.register);
      expect(sent.payload).toEqual({ eventId });
      expect(sent.options).toMatchObject({ idempotencyKey: expect.any(String) });
      // Any instance takes any registration: the seats are decided in the database.
      expect(sent.options.partitionKey).toBeUndefined();
    });

    it('answers 200 with the existing registration of someone registered already', async () => {
      sut.rpc.answer(RegistrationsRequests.register, () => ({
        created: false,
        registration: registrationReply(),
      }));

      const response = await sut.request(`/api/v1/events/${eventId}/registrations`, {
        method: 'POST',
        token: member,
        body: {},
      });

      expect(response.status).toBe(200);
      expect(response.headers.get('location')).toBeNull();
    });

    it('passes a refusal on as problem+json naming the rule', async () => {
      sut.rpc.answer(RegistrationsRequests.register, () => {
        throw new RuleViolationError('Die Anmeldung ist geschlossen.', undefined, 'registration-closed');
      });

      const response = await sut.request(`/api/v1/events/${eventId}/registrations`, {
        method: 'POST',
        token: member,
        body: {},
      });

      expect(response.status).toBe(422);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.json).toMatchObject({
        rule: 'registration-closed',
        detail: 'Die Anmeldung ist geschlossen.',
      });
    });

    it('refuses malformed workshop choices and delegations at the edge, naming the fields', async () => {
      const response = await sut.request(`/api/v1/events/${eventId}/registrations`, {
        method: 'POST',
        token: member,
        body: {
          sessionIds: ['workshop-1'],
          delegation: [{ firstName: 'Anna', lastName: 'Beispiel', role: 'boss', email: 'no-mail' }],
          seats: 3,
        },
      });

      expect(response.status).toBe(400);
      expect(fieldsOf(response.json)).toEqual(
        expect.arrayContaining(['sessionIds', 'delegation.0.role', 'delegation.0.email', 'seats']),
      );
      expect(sut.rpc.sentTo(RegistrationsRequests.register)).toEqual([]);
    });

    it('refuses an event id that is not a UUID', async () => {
      const response = await sut.request('/api/v1/events/ulm/registrations', {
        method: 'POST',
        token: member,
        body: {},
      });
      expect(response.status).toBe(400);
      expect(fieldsOf(response.json)).toEqual(['eventId']);
    });
  });

  describe('staff tools', () => {
    it('keeps members out of the participant list, the export and the figures', async () => {
      for (const path of ['participants', 'participants.csv', 'registration-stats']) {
        const response = await sut.request(`/api/v1/events/${eventId}/${path}`, { token: member });
        expect({ path, status: response.status }).toEqual({ path, status: 403 });
      }
    });

    it('lists participants with the filters', async () => {
      sut.rpc.answer(RegistrationsRequests.participants, () => ({
        items: [registrationReply()],
        nextCursor: null,
      }));

      const response = await sut.request(
        `/api/v1/events/${eventId}/participants?status=waiting&federalState=BY&sector=Kommune&limit=50`,
        { token: staff },
      );

      expect(response.status).toBe(200);
      expect(sut.rpc.sentTo(RegistrationsRequests.participants)[0].payload).toEqual({
        eventId,
        status: 'waiting',
        federalState: 'BY',
        sector: 'Kommune',
        limit: 50,
      });
    });

    it('searches the list and filters it by attendance', async () => {
      sut.rpc.answer(RegistrationsRequests.participants, () => ({ items: [], nextCursor: null }));

      const response = await sut.request(
        `/api/v1/events/${eventId}/participants?q=%20G%C3%B6rlitz%20&attended=false`,
        { token: staff },
      );
      const malformed = await sut.request(`/api/v1/events/${eventId}/participants?attended=ja`, {
        token: staff,
      });

      expect(response.status).toBe(200);
      expect(sut.rpc.sentTo(RegistrationsRequests.participants)[0].payload).toEqual({
        eventId,
        q: 'Görlitz',
        attended: false,
      });
      expect(malformed.status).toBe(400);
      expect(fieldsOf(malformed.json)).toEqual(['attended']);
    });

    it('exports every page as CSV for a German Excel', async () => {
      const pages = [
        {
          items: [registrationReply({ registrant: { kind: 'member', name: 'Jürgen Müller' } })],
          nextCursor: 'next',
        },
        {
          items: [registrationReply({ registrant: { kind: 'member', name: '=SUMME(A1)' } })],
          nextCursor: null,
        },
      ];
      sut.rpc.answer(RegistrationsRequests.participants, (query) => (query.cursor ? pages[1] : pages[0]));
      sut.rpc.answer(EventsRequests.get, () => ({
        ...newClubEventReply(),
        title: 'Innovators Lounge Görlitz – Frühjahr',
        startsAt: '2027-03-04T18:00:00+01:00',
      }));

      const response = await fetch(`${sut.url}/api/v1/events/${eventId}/participants.csv?status=waiting`, {
        headers: { authorization: `Bearer ${staff}` },
      });
      const bytes = Buffer.from(await response.arrayBuffer());

      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(response.headers.get('content-disposition')).toBe(
        'attachment; filename="teilnehmende-innovators-lounge-goerlitz-fruehjahr-2027-03-04.csv"; ' +
          "filename*=UTF-8''teilnehmende-innovators-lounge-goerlitz-fruehjahr-2027-03-04.csv",
      );
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = bytes.toString('utf8').slice(1).split('\r\n');
      expect(lines).toHaveLength(4);
      expect(lines[1]).toContain('"Jürgen Müller"');
      expect(lines[2]).toContain('"\'=SUMME(A1)"');
      expect(sut.rpc.sentTo(RegistrationsRequests.participants).map((sent) => sent.payload)).toEqual([
        { eventId, status: 'waiting', limit: 100 },
        { eventId, status: 'waiting', limit: 100, cursor: 'next' },
      ]);
    });

    it('refuses paging parameters on the export, which holds everyone', async () => {
      const response = await sut.request(`/api/v1/events/${eventId}/participants.csv?limit=5`, {
        token: staff,
      });
      expect(response.status).toBe(400);
      expect(fieldsOf(response.json)).toEqual(['limit']);
    });

    it('marks attendance with 200, for the office only', async () => {
      const registration = registrationReply({ status: 'confirmed', attended: true });
      sut.rpc.answer(RegistrationsRequests.recordAttendance, () => registration);
      const path = `/api/v1/registrations/${registration.registrationId}/attendance`;

      const marked = await sut.request(path, { method: 'POST', token: staff, body: { attended: true } });
      const byMember = await sut.request(path, { method: 'POST', token: member, body: { attended: true } });
      const malformed = await sut.request(path, { method: 'POST', token: staff, body: { attended: 'yes' } });

      expect(marked.status).toBe(200);
      expect(marked.json).toMatchObject({ attended: true });
      expect(byMember.status).toBe(403);
      expect(malformed.status).toBe(400);
      expect(fieldsOf(malformed.json)).toEqual(['attended']);
    });
  });

  describe('a registration', () => {
    it('is cancelled with DELETE, and the delegation replaced with PUT', async () => {
      const registrationId = randomUUID();
      sut.rpc
        .answer(RegistrationsRequests.cancel, () =>
          registrationReply({ registrationId, status: 'cancelled' }),
        )
        .answer(RegistrationsRequests.changeDelegation, () => registrationReply({ registrationId }));

      const cancelled = await sut.request(`/api/v1/registrations/${registrationId}`, {
        method: 'DELETE',
        token: member,
      });
      const changed = await sut.request(`/api/v1/registrations/${registrationId}/delegation`, {
        method: 'PUT',
        token: member,
        body: {
          people: [
            { firstName: 'Anna', lastName: 'Beispiel', role: 'mayor', email: 'Anna@Pegnitz.example ' },
          ],
        },
      });

      expect(cancelled.status).toBe(200);
      expect(cancelled.json).toMatchObject({ status: 'cancelled' });
      expect(changed.status).toBe(200);
      expect(sut.rpc.sentTo(RegistrationsRequests.changeDelegation)[0].payload).toEqual({
        registrationId,
        people: [{ firstName: 'Anna', lastName: 'Beispiel', role: 'mayor', email: 'anna@pegnitz.example' }],
      });
    });

    it('lists the member’s own', async () => {
      sut.rpc.answer(RegistrationsRequests.listOwn, () => ({
        items: [registrationReply()],
        nextCursor: null,
      }));

      const response = await sut.request('/api/v1/me/registrations', { token: member });

      expect(response.status).toBe(200);
      expect(response.json).toMatchObject({ items: [{ eventId, waitingPlace: 3 }], nextCursor: null });
      expect((await sut.request('/api/v1/me/registrations', { token: staff })).status).toBe(403);
    });

    it('finds the member’s own for one event', async () => {
      sut.rpc.answer(RegistrationsRequests.listOwn, () => ({ items: [], nextCursor: null }));

      const found = await sut.request(`/api/v1/me/registrations?eventId=${eventId}`, { token: member });
      const malformed = await sut.request('/api/v1/me/registrations?eventId=ulm', { token: member });

      expect(found.status).toBe(200);
      expect(sut.rpc.sentTo(RegistrationsRequests.listOwn)[0].payload).toEqual({ eventId });
      expect(malformed.status).toBe(400);
      expect(fieldsOf(malformed.json)).toEqual(['eventId']);
    });
  });

  describe('GET /me/interests', () => {
    it('lists the member’s interests with their events, for members only', async () => {
      sut.rpc.answer(RegistrationsRequests.listOwnInterests, () => ({
        items: [
          {
            interestId: randomUUID(),
            eventId,
            holder: { kind: 'member' as const, memberId },
            declaredBy: { subject: memberId, role: 'member' as const },
            declaredAt: '2027-01-20T09:00:00.000Z',
            event: {
              title: 'Innovators Lounge Ulm',
              kind: 'innovators-lounge' as const,
              status: 'announced' as const,
            },
          },
        ],
      }));

      const response = await sut.request(`/api/v1/me/interests?eventId=${eventId}`, { token: member });

      expect(response.status).toBe(200);
      expect(response.json).toMatchObject({
        items: [{ eventId, event: { title: 'Innovators Lounge Ulm', status: 'announced' } }],
      });
      expect(sut.rpc.sentTo(RegistrationsRequests.listOwnInterests)[0].payload).toEqual({ eventId });
      expect((await sut.request('/api/v1/me/interests', { token: staff })).status).toBe(403);
    });
  });

  describe('GET /events/{eventId}/seats', () => {
    it('tells members and the office the seats left, without names', async () => {
      const sessionId = randomUUID();
      sut.rpc.answer(RegistrationsRequests.seats, () => ({
        eventId,
        capacity: 50,
        seatsLeft: 0,
        waiting: 2,
        workshops: [{ sessionId, capacity: 20, seatsLeft: 5, waiting: 0 }],
      }));

      const byMember = await sut.request(`/api/v1/events/${eventId}/seats`, { token: member });
      const byStaff = await sut.request(`/api/v1/events/${eventId}/seats`, { token: staff });
      const anonymous = await sut.request(`/api/v1/events/${eventId}/seats`);

      expect(byMember.status).toBe(200);
      expect(byMember.json).toEqual({
        eventId,
        capacity: 50,
        seatsLeft: 0,
        waiting: 2,
        workshops: [{ sessionId, capacity: 20, seatsLeft: 5, waiting: 0 }],
      });
      expect(byStaff.status).toBe(200);
      expect(anonymous.status).toBe(401);
      expect(sut.rpc.sentTo(RegistrationsRequests.seats)[0].payload).toEqual({ eventId });
    });
  });

  describe('POST /events/{eventId}/interest', () => {
    it('answers 201 for new interest and 200 for interest declared already', async () => {
      const interest = {
        interestId: randomUUID(),
        eventId,
        holder: { kind: 'member' as const, memberId },
        declaredBy: { subject: memberId, role: 'member' as const },
        declaredAt: '2027-01-20T09:00:00.000Z',
      };
      let created = true;
      sut.rpc.answer(RegistrationsRequests.declareInterest, () => ({ created, interest }));

      const first = await sut.request(`/api/v1/events/${eventId}/interest`, {
        method: 'POST',
        token: member,
        body: {},
      });
      created = false;
      const again = await sut.request(`/api/v1/events/${eventId}/interest`, {
        method: 'POST',
        token: member,
        body: {},
      });

      expect(first.status).toBe(201);
      expect(first.json).toMatchObject({ interestId: interest.interestId, holder: { kind: 'member' } });
      expect(again.status).toBe(200);
    });
  });
});
