import { E2eClient, SignedInMember } from '../support/e2e-client';
import { eventually } from '../support/eventually';
import {
  AnalyticsThroughTheGateway,
  Registration,
  Membership,
  Row,
  Participation,
  EventFigures,
  run,
  SECOND,
  HOUR,
  berlin,
  address,
  PROFILES,
  invitation,
} from '../support/analytics-e2e';

/**
 * Issue 6 end to end: the office's figures through the gateway after a small scenario this test
 * plays itself (appointments, a decline, a departure, a working group, a lounge with a waiting
 * list that moves up, cancellations, a check-in, the lounge held by the scheduler). The figures
 * are exact: per event and participation for the test's own lounge, membership and working groups
 * as the difference to what analytics counted before the scenario.
 */
describe('Analytics through the gateway', () => {
  const bed = AnalyticsThroughTheGateway.forThisFile();
  const { settledMembership, membership, openLounge, call, register } = bed;
  let client: E2eClient;
  let staff: string;
  let members: SignedInMember[];
  let membershipBefore: Membership;
  let groupId: string;

  beforeAll(async () => {
    ({ client, staff } = bed);
    membershipBefore = await settledMembership();
  });

  it('counts appointments, a decline, a departure and a working group, exactly as they happened', async () => {
    members = [];
    for (const [index, profile] of PROFILES.entries()) {
      members.push(await client.newMember(staff, invitation(profile, index)));
    }
    const declining = await client.call('POST', '/invitations', {
      token: staff,
      body: { ...invitation(PROFILES[0], 9), lastName: `Absage ${run}`, email: address('absage') },
    });
    expect(declining.status).toBe(201);
    const { token } = await client.linkFromMail(address('absage'), 'einladung');
    expect((await client.call('POST', '/invitations/decline', { body: { token } })).status).toBe(200);

    groupId = `ag-${run}`;
    await call('POST', '/working-groups', staff, { id: groupId, name: `Auswertung ${run}` });
    for (const member of [members[0], members[1], members[3], members[5]]) {
      await call('PUT', `/members/me/working-groups/${groupId}`, member.token);
    }
    await call('DELETE', `/members/me/working-groups/${groupId}`, members[3].token);
    await call('POST', '/members/me/leave', members[5].token, { note: 'Neue Aufgabe' });

    await eventually(
      async () => {
        const after = await membership();
        const totals = (figures: Membership) =>
          figures.months.reduce(
            (sum, month) => ({
              invited: sum.invited + month.invited,
              accepted: sum.accepted + month.accepted,
              declined: sum.declined + month.declined,
              left: sum.left + month.left,
            }),
            { invited: 0, accepted: 0, declined: 0, left: 0 },
          );
        const before = totals(membershipBefore);
        const now = totals(after);
        expect({
          invited: now.invited - before.invited,
          accepted: now.accepted - before.accepted,
          declined: now.declined - before.declined,
          left: now.left - before.left,
          activeMembers: after.activeMembers - membershipBefore.activeMembers,
        }).toEqual({ invited: 7, accepted: 6, declined: 1, left: 1, activeMembers: 5 });
        expect((after.months.at(-1)?.members ?? 0) - (membershipBefore.months.at(-1)?.members ?? 0)).toBe(5);
      },
      60 * SECOND,
      500,
    );
    await eventually(
      async () => {
        const groups = await client.call<{
          items: { workingGroupId: string; name: string; members: number }[];
        }>('GET', '/analytics/working-groups', { token: staff });
        expect(groups.body.items.find((group) => group.workingGroupId === groupId)).toEqual({
          workingGroupId: groupId,
          name: `Auswertung ${run}`,
          members: 2,
        });
      },
      60 * SECOND,
      500,
    );
    // The membership service counts the same.
    const own = await client.call<{ id: string; memberCount: number }[]>('GET', '/working-groups', {
      token: staff,
    });
    expect(own.body.find((group) => group.id === groupId)).toMatchObject({ memberCount: 2 });
  });

  it('counts a lounge’s registrations, waiting list, cancellations, check-in and no-shows exactly', async () => {
    const [aurach, pegnitz, paderborn, bielefeld, leipzig] = members;
    const now = Date.now();
    // Time enough to register and cancel on a busy machine. The lounge need not wait for it: once
    // that is done, the office moves it to begin in a moment (below).
    const opensAt = now - HOUR;
    const startsAt = now + 120 * SECOND;
    const { eventId } = await openLounge({
      subject: 'Zahlen, bitte',
      description: 'Die **Lounge** der Auswertung.',
      topic: 'Was die Zahlen sagen',
      capacity: 2,
      opensAt,
      startsAt,
      endsAt: startsAt + 5 * SECOND,
      closesAt: startsAt - 5 * SECOND,
    });

    // One after the other, so that the seats and waiting places follow this order.
    const registrations: Registration[] = [];
    for (const member of [aurach, pegnitz, paderborn, bielefeld, leipzig]) {
      registrations.push(await register(eventId, member.token));
    }
    expect(registrations.map((registration) => registration.status)).toEqual([
      'confirmed',
      'confirmed',
      'waiting',
      'waiting',
      'waiting',
    ]);
    // Aurach gives the seat back: Paderborn moves up; Leipzig leaves the waiting list.
    await call('DELETE', `/registrations/${registrations[0].registrationId}`, aurach.token);
    await call('DELETE', `/registrations/${registrations[4].registrationId}`, leipzig.token);
    // At the check-in Pegnitz comes; Paderborn does not.
    await call('POST', `/registrations/${registrations[1].registrationId}/attendance`, staff, {
      attended: true,
    });
    // The office moves the lounge to begin in two seconds and end a second later: the scheduler
    // closes its registration and holds it then, instead of after the margin above.
    const begins = Date.now() + 2 * SECOND;
    await call('PATCH', `/events/lounges/${eventId}`, staff, {
      registration: { opensAt: berlin(opensAt), closesAt: berlin(begins) },
      startsAt: berlin(begins),
      endsAt: berlin(begins + SECOND),
    });

    const figures = await eventually(
      async () => {
        const response = await client.call<EventFigures>(
          'GET',
          `/analytics/events/${eventId}?granularity=hour`,
          {
            token: staff,
          },
        );
        expect(response.body).toMatchObject({
          eventId,
          status: 'held',
          capacity: 2,
          registered: 5,
          confirmed: 2,
          waiting: 1,
          cancelled: 2,
          waitlisted: 3,
          promoted: 1,
          attended: 1,
          attendedPeople: 1,
          noShows: 1,
          fillRate: 1,
          waitingListConversion: 1 / 3,
          registeredBeforeOpening: 0,
        });
        return response.body;
      },
      // Until a minute after the lounge has ended.
      60 * SECOND,
      500,
    );
    expect(figures.timeline.at(-1)?.cumulative).toBe(5);
    expect(figures.timeline.reduce((sum, step) => sum + step.registrations, 0)).toBe(5);

    const participation = await client.call<Participation>(
      'GET',
      `/analytics/participation?eventId=${eventId}`,
      {
        token: staff,
      },
    );
    const counted = (rows: Row[]) =>
      Object.fromEntries(
        rows
          .filter((row) => row.registered > 0)
          .map((row) => [row.value ?? 'ohne Angabe', [row.registered, row.confirmed, row.attended]]),
      );
    expect({
      totals: [participation.body.registered, participation.body.confirmed, participation.body.attended],
      federalStates: counted(participation.body.byFederalState),
      sectors: counted(participation.body.bySector),
      themes: counted(participation.body.byTheme),
      sizeClasses: counted(participation.body.bySizeClass),
    }).toEqual({
      totals: [5, 2, 1],
      federalStates: { BY: [2, 1, 1], NW: [2, 1, 0], SN: [1, 0, 0] },
      sectors: { Kommune: [4, 2, 1], Wirtschaft: [1, 0, 0] },
      themes: {
        Digitalisierung: [2, 1, 1],
        Klimaschutz: [2, 0, 0],
        Bildung: [1, 0, 0],
        'ohne Angabe': [1, 1, 0],
      },
      sizeClasses: {
        'up-to-5000': [1, 0, 0],
        '5001-20000': [1, 1, 1],
        '20001-100000': [1, 1, 0],
        'over-100000': [1, 0, 0],
        'ohne Angabe': [1, 0, 0],
      },
    });

    // The same as CSV for Excel: the lounge's line with the figures, percentages with a comma.
    const csv = await fetch(`${client.apiUrl}/analytics/events.csv?kind=innovators-lounge`, {
      headers: { authorization: `Bearer ${staff}` },
    });
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const line = bytes
      .toString('utf8')
      .split('\r\n')
      .find((candidate) => candidate.endsWith(`"${eventId}"`));
    expect(line?.split(';').slice(4, 16)).toEqual(
      ['2', '5', '2', '1', '2', '3', '1', '1', '1', '1', '100,0', '33,3'].map((cell) => `"${cell}"`),
    );
  }, 300_000);

  it('lets a member erase their data: directory entry and token gone, seat to the waiting list, figures kept but the departure', async () => {
    const erasing = await client.newMember(staff, {
      ...invitation(PROFILES[1], 20),
      lastName: `Löschung ${run}`,
      email: address('loeschung'),
    });
    const waiting = await client.newMember(staff, {
      ...invitation(PROFILES[2], 21),
      lastName: `Warteliste ${run}`,
      email: address('warteliste'),
    });
    const now = Date.now();
    const startsAt = now + 30 * 24 * HOUR;
    const { eventId } = await openLounge({
      subject: 'Daten löschen',
      description: 'Die **Lounge** der Löschung.',
      topic: 'Was bleibt',
      capacity: 1,
      startsAt,
      endsAt: startsAt + 2 * HOUR,
      closesAt: startsAt - HOUR,
    });
    expect((await register(eventId, erasing.token)).status).toBe('confirmed');
    expect((await register(eventId, waiting.token)).status).toBe('waiting');
    await eventually(
      async () => {
        const figures = await client.call('GET', `/analytics/events/${eventId}`, { token: staff });
        expect(figures.body).toMatchObject({ registered: 2, confirmed: 1, waiting: 1 });
      },
      60 * SECOND,
      500,
    );
    const membershipBeforeErasure = await settledMembership();

    // Without the explicit confirmation nothing happens.
    const unconfirmed = await client.call<{ errors: { field: string; message: string }[] }>(
      'POST',
      '/members/me/erasure',
      { token: erasing.token, body: {} },
    );
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.body.errors).toEqual([
      {
        field: 'confirm',
        message:
          'confirm muss true sein: Bitte bestätigen Sie, dass alle personenbezogenen Daten unwiderruflich gelöscht werden sollen',
      },
    ]);

    const erased = await call<{ memberId: string; erasedAt: string; message: string }>(
      'POST',
      '/members/me/erasure',
      erasing.token,
      { confirm: true },
    );
    expect(erased).toEqual({
      memberId: erasing.id,
      erasedAt: expect.any(String),
      message: expect.stringContaining('Die personenbezogenen Daten wurden gelöscht.'),
    });

    // The token no longer works; the directory has no entry; the office reads that the data is gone.
    expect((await client.call('GET', '/members/me', { token: erasing.token })).status).toBe(401);
    for (const token of [staff, waiting.token]) {
      const directory = await client.call<{ items: unknown[] }>(
        'GET',
        `/members?q=${encodeURIComponent(`Löschung ${run}`)}`,
        { token },
      );
      expect(directory.body.items).toEqual([]);
    }
    const profile = await client.call<{ detail: string }>('GET', `/members/${erasing.id}`, { token: staff });
    expect({ status: profile.status, detail: profile.body.detail }).toEqual({
      status: 404,
      detail: 'Die Daten dieses Mitglieds wurden auf Wunsch gelöscht; es bleibt nur eine pseudonyme Kennung.',
    });

    // The seat goes to the first on the waiting list, who is told; the erased member gets no mail.
    await eventually(
      async () => {
        const own = await client.call<{ items: Registration[] }>('GET', '/me/registrations', {
          token: waiting.token,
        });
        expect(own.body.items.find((item) => item.status === 'confirmed')).toBeDefined();
        const mails = await client.mailsTo(waiting.email);
        expect(mails.map((mail) => mail.subject)).toContain(
          `Nachgerückt, Teilnahme bestätigt: Innovators Lounge ${run}: Daten löschen`,
        );
      },
      60 * SECOND,
      500,
    );
    const deliveries = await client.call<{ items: { recipient: string }[] }>(
      'GET',
      `/deliveries?memberId=${erasing.id}`,
      { token: staff },
    );
    expect(deliveries.body.items.length).toBeGreaterThan(0);
    expect(new Set(deliveries.body.items.map((delivery) => delivery.recipient))).toEqual(
      new Set(['(gelöscht)']),
    );
    const subjects = (await client.mailsTo(erasing.email)).map((mail) => mail.subject);
    expect(subjects.filter((subject) => /storn/i.test(subject))).toEqual([]);

    // Analytics: the cancellation and promotion as for any cancellation, the registration still
    // counted with the member's attributes, and the erasure counted as a departure this month.
    await eventually(
      async () => {
        const figures = await client.call('GET', `/analytics/events/${eventId}`, { token: staff });
        expect(figures.body).toMatchObject({
          registered: 2,
          confirmed: 1,
          waiting: 0,
          cancelled: 1,
          waitlisted: 1,
          promoted: 1,
          fillRate: 1,
          waitingListConversion: 1,
        });
        const participation = await client.call<Participation>(
          'GET',
          `/analytics/participation?eventId=${eventId}`,
          { token: staff },
        );
        expect(
          participation.body.byFederalState
            .filter((row) => row.registered > 0)
            .map((row) => [row.value, row.registered, row.confirmed]),
        ).toEqual([
          ['NW', 1, 1],
          ['BY', 1, 0],
        ]);
        const after = await membership();
        const month = (figures: Membership) => figures.months.at(-1);
        expect({
          activeMembers: after.activeMembers - membershipBeforeErasure.activeMembers,
          left: (month(after)?.left ?? 0) - (month(membershipBeforeErasure)?.left ?? 0),
          members: (month(after)?.members ?? 0) - (month(membershipBeforeErasure)?.members ?? 0),
          invited: (month(after)?.invited ?? 0) - (month(membershipBeforeErasure)?.invited ?? 0),
          accepted: (month(after)?.accepted ?? 0) - (month(membershipBeforeErasure)?.accepted ?? 0),
        }).toEqual({ activeMembers: -1, left: 1, members: -1, invited: 0, accepted: 0 });
      },
      60 * SECOND,
      500,
    );
  });

  it('shows the figures to the office only', async () => {
    const member = members[0];
    for (const path of ['/analytics/events', '/analytics/membership', '/analytics/participation.csv']) {
      expect({ path, status: (await client.call('GET', path, { token: member.token })).status }).toEqual({
        path,
        status: 403,
      });
    }
    expect((await client.call('GET', '/analytics/events')).status).toBe(401);
  });
});
