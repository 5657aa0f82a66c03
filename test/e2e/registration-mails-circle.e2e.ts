import { E2eClient, SignedInMember } from '../support/e2e-client';
import { eventually } from '../support/eventually';
import {
  RegistrationMailsThroughTheGateway,
  ClubEvent,
  DelegationRegistration,
  Mail,
  run,
  domain,
  HOUR,
  DAY,
  berlin,
} from '../support/registration-mails-e2e';

/**
 * Registration mails of a Kommunalzirkel end to end: interest holders hear first when registration
 * opens, each person of a municipality's delegation gets their own mails, through a change of the
 * delegation, a new date and the cancellation.
 */
describe('Registration mails through the gateway: a Kommunalzirkel', () => {
  const bed = RegistrationMailsThroughTheGateway.forThisFile();
  const { newMember, mailsByAddress, calendarOf } = bed;
  let client: E2eClient;
  let staff: string;
  let pegnitz: SignedInMember;

  beforeAll(async () => {
    ({ client, staff } = bed);
    // The mayor of a Bavarian municipality of the Kommunalzirkel's target group.
    pegnitz = await newMember(0, {
      salutation: 'Herr',
      officeTitle: 'Bürgermeister',
      lastName: `Pegnitzer ${run}`,
      sector: 'Kommune',
      federalState: 'BY',
      municipality: { name: 'Pegnitz', ags: '09472175', population: 13_700 },
    });
  });

  it('a Kommunalzirkel: interest holders hear first, each person of a delegation gets their own mails, through a change, a new date and the cancellation', async () => {
    const circleTitle = `Kommunen for future ${run}`;
    const day = Date.now() + 40 * DAY;
    // Announced, and known to the registrations service: a member sees it in the portal only then.
    const circle = await client.publishEvent<ClubEvent>(
      staff,
      'circles',
      {
        title: circleTitle,
        description: 'Wandel vor Ort gestalten.',
        themes: ['Klimaschutz'],
        capacity: 30,
        registration: { opensAt: berlin(Date.now() + DAY), closesAt: berlin(day - DAY) },
        audience: 'target-group',
        targetGroup: { federalStates: ['BY'], maxPopulation: 25_000 },
        modules: [
          {
            title: 'Auftakt in Pegnitz',
            startsAt: berlin(day),
            endsAt: berlin(day + 6 * HOUR),
            place: 'Rathaus Pegnitz',
            guidingQuestions: [],
          },
          { title: 'Abschluss', dateNote: 'Frühjahr/Sommer', guidingQuestions: [] },
        ],
        delegation: { maxPeople: 3, suggestedRoles: ['mayor', 'administration', 'civil-society'] },
        feeCents: 0,
      },
      'announced',
    );
    const circleId = circle.eventId;
    const act = (action: string, body?: unknown) =>
      client.callRetrying('POST', `/events/${circleId}/${action}`, {
        token: staff,
        ...(body ? { body } : {}),
      });
    const person = (name: string) => `${name}@${domain}`;

    // Interest before registration opens: the municipality's mayor, and a municipality the office names with a contact.
    const interest = await client.callRetrying('POST', `/events/${circleId}/interest`, {
      token: pegnitz.token,
    });
    expect(interest.status).toBe(201);
    const byOffice = await client.callRetrying('POST', `/events/${circleId}/interest`, {
      token: staff,
      body: {
        municipality: { name: 'Hersbruck', ags: '09574132', population: 12_800 },
        contact: { firstName: 'Andrea', lastName: 'Lindner', email: person('lindner') },
      },
    });
    expect(byOffice.status).toBe(201);
    expect((await act('open-registration')).status).toBe(200);

    const delegation = await eventually(async () => {
      const answer = await client.callRetrying<DelegationRegistration>(
        'POST',
        `/events/${circleId}/registrations`,
        {
          token: pegnitz.token,
          body: {
            delegation: [
              {
                salutation: 'Frau',
                firstName: 'Anna',
                lastName: 'Vogel',
                role: 'mayor',
                email: person('vogel'),
              },
              { firstName: 'Bernd', lastName: 'Kurz', role: 'administration', email: person('kurz') },
            ],
          },
        },
      );
      expect(answer.status).toBe(201);
      return answer.body;
    });
    const [anna] = delegation.delegation;
    const changed = await client.callRetrying(
      'PUT',
      `/registrations/${delegation.registrationId}/delegation`,
      {
        token: pegnitz.token,
        body: {
          people: [
            {
              personId: anna.personId,
              salutation: 'Frau',
              firstName: 'Anna',
              lastName: 'Vogel',
              role: 'mayor',
              email: person('vogel'),
            },
            { firstName: 'Carla', lastName: 'Lang', role: 'civil-society', email: person('lang') },
          ],
        },
      },
    );
    expect(changed.status).toBe(200);

    const name = `Kommunalzirkel „${circleTitle}“`;
    const announced = `Ankündigung: ${name}`;
    const opened = `Anmeldung geöffnet: ${name}`;
    const confirmed = `Anmeldung bestätigt: ${name}`;
    const removed = `Abmeldung aus der Delegation: ${name}`;
    const subjectsOf = (mails: Map<string, Mail[]>, address: string) =>
      (mails.get(address) ?? []).map((mail) => mail.subject);
    await eventually(
      async () => {
        const mails = await mailsByAddress(circleTitle);
        // The mayor's municipality is in the target group: the announcement reached them too.
        expect(subjectsOf(mails, pegnitz.email).sort()).toEqual([announced, opened].sort());
        expect(subjectsOf(mails, person('lindner'))).toEqual([opened]);
        expect(subjectsOf(mails, person('vogel'))).toEqual([confirmed]);
        expect(subjectsOf(mails, person('kurz'))).toEqual([confirmed, removed]);
        expect(subjectsOf(mails, person('lang'))).toEqual([confirmed]);
      },
      120_000,
      1000,
    );

    // A new date for the first module, then the office cancels the series.
    const moduleDay = day + 7 * DAY;
    const modules = (circle.circle?.modules ?? []).map((module, index) =>
      index === 0 ? { ...module, startsAt: berlin(moduleDay), endsAt: berlin(moduleDay + 6 * HOUR) } : module,
    );
    const moved = await client.callRetrying('PATCH', `/events/circles/${circleId}`, {
      token: staff,
      body: { modules },
    });
    expect(moved.status).toBe(200);
    const movedSubject = `Geänderter Termin: ${name}`;
    await eventually(
      async () => {
        const mails = await mailsByAddress(circleTitle);
        expect(subjectsOf(mails, person('vogel')).at(-1)).toBe(movedSubject);
        expect(subjectsOf(mails, person('lang')).at(-1)).toBe(movedSubject);
      },
      60_000,
      1000,
    );
    const reason = 'Zu wenige Kommunen haben sich angemeldet.';
    expect((await act('cancel', { reason })).status).toBe(200);
    const cancelled = `Abgesagt: ${name}`;

    const mails = await eventually(
      async () => {
        const found = await mailsByAddress(circleTitle);
        expect(subjectsOf(found, person('vogel'))).toEqual([confirmed, movedSubject, cancelled]);
        expect(subjectsOf(found, person('lang'))).toEqual([confirmed, movedSubject, cancelled]);
        expect(subjectsOf(found, person('kurz'))).toEqual([confirmed, removed]);
        expect(subjectsOf(found, pegnitz.email).sort()).toEqual([announced, opened].sort());
        expect(subjectsOf(found, person('lindner'))).toEqual([opened]);
        return found;
      },
      120_000,
      1000,
    );

    const [toAnna, movedToAnna, cancelledToAnna] = mails.get(person('vogel')) ?? [];
    expect(toAnna.text).toMatch(
      /^Sehr geehrte Frau Vogel,\n\ndie Kommune Pegnitz hat Sie als Bürgermeisterin angemeldet\./,
    );
    expect(mails.get(person('lang'))?.[0].text).toMatch(
      /^Guten Tag Carla Lang,\n\ndie Kommune Pegnitz hat Sie als Vertretung der Zivilgesellschaft in ihre Delegation aufgenommen\./,
    );
    expect(mails.get(person('lindner'))?.[0].text).toMatch(
      /^Guten Tag Andrea Lindner,\n\ndie Kommune Hersbruck hat Interesse an der folgenden Veranstaltung bekundet\./,
    );
    const first = calendarOf(toAnna).entries[0];
    const update = calendarOf(movedToAnna);
    expect(update.properties.method).toBe('PUBLISH');
    expect(update.entries[0]).toMatchObject({ uid: first.uid, status: 'CONFIRMED' });
    expect(update.entries[0].startsAt.getTime()).toBe(new Date(berlin(moduleDay)).getTime());
    expect(update.entries[0].sequence).toBeGreaterThan(first.sequence);
    expect(cancelledToAnna.text).toContain(`Grund der Absage: ${reason}`);
    const removal = calendarOf(cancelledToAnna);
    expect(removal.properties.method).toBe('CANCEL');
    expect(removal.entries[0]).toMatchObject({ uid: first.uid, status: 'CANCELLED' });
    expect(removal.entries[0].sequence).toBeGreaterThan(update.entries[0].sequence);
  }, 600_000);
});
