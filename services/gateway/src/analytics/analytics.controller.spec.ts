import { AnalyticsRequests, EventDetailFiguresReply, ParticipationReply } from '@ic/contracts';
import { randomUUID } from 'node:crypto';
import { fieldsOf, GatewayTestApp, signTestToken, startGatewayTestApp } from '../testing/gateway-test-app';
import { AnalyticsController } from './analytics.controller';

const eventId = randomUUID();
const lounge: EventDetailFiguresReply = {
  eventId,
  title: 'Innovators Lounge Ulm: „Die smarte Stadt“',
  kind: 'innovators-lounge',
  status: 'held',
  startsAt: '2027-04-15T17:00:00+02:00',
  endsAt: '2027-04-15T21:00:00+02:00',
  capacity: 7,
  registered: 10,
  confirmed: 6,
  waiting: 1,
  cancelled: 3,
  waitlisted: 4,
  promoted: 3,
  attended: 5,
  attendedPeople: 5,
  noShows: 1,
  fillRate: 6 / 7,
  waitingListConversion: 0.75,
  registrationOpenedAt: '2027-02-01T09:00:00+01:00',
  granularity: 'day',
  registeredBeforeOpening: 1,
  timeline: [
    {
      step: 0,
      from: '2027-02-01T09:00:00+01:00',
      to: '2027-02-02T09:00:00+01:00',
      registrations: 6,
      cumulative: 7,
    },
    {
      step: 1,
      from: '2027-02-02T09:00:00+01:00',
      to: '2027-02-03T09:00:00+01:00',
      registrations: 3,
      cumulative: 10,
    },
  ],
};
const row = (value: string | null, label: string, registered: number) => ({
  value,
  label,
  registered,
  confirmed: registered,
  attended: 0,
});
const participation: ParticipationReply = {
  registered: 3,
  confirmed: 3,
  attended: 0,
  byFederalState: [row('BW', 'Baden-Württemberg', 2), row(null, 'ohne Angabe', 1)],
  bySector: [row('Kommune', 'Kommune', 3)],
  byTheme: [row('Digitalisierung', 'Digitalisierung', 2)],
  bySizeClass: [row('up-to-5000', 'bis 5.000 Einwohner', 1)],
};

describe(AnalyticsController.name, () => {
  let sut: GatewayTestApp;
  const staff = signTestToken({ role: 'staff' });

  /** The CSV as its bytes say, byte order mark included (fetch's text() drops it). */
  async function csv(path: string): Promise<{ response: Response; text: string }> {
    const response = await fetch(`${sut.url}/api/v1/analytics/${path}`, {
      headers: { authorization: `Bearer ${staff}` },
    });
    expect(response.status).toBe(200);
    return {
      response,
      text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer()),
    };
  }

  beforeEach(async () => {
    sut = await startGatewayTestApp();
    sut.rpc
      .answer(AnalyticsRequests.events, () => ({ items: [lounge] }))
      .answer(AnalyticsRequests.event, () => lounge)
      .answer(AnalyticsRequests.participation, () => participation)
      .answer(AnalyticsRequests.membership, () => ({
        months: [{ month: '2026-11', invited: 9, accepted: 7, declined: 1, left: 1, members: 118 }],
        activeMembers: 118,
      }))
      .answer(AnalyticsRequests.workingGroups, () => ({
        items: [{ workingGroupId: 'digitales', name: 'Digitales', members: 41 }],
      }));
  });

  afterEach(() => sut.close());

  it('gives the office an event’s figures with its filters passed on', async () => {
    const response = await sut.request(`/api/v1/analytics/events/${eventId}?granularity=hour`, {
      token: staff,
    });
    expect(response.status).toBe(200);
    expect(response.json).toEqual(lounge);
    expect(sut.rpc.sentTo(AnalyticsRequests.event)[0]?.payload).toEqual({ granularity: 'hour', eventId });
  });

  it('passes the filters of the participation on', async () => {
    const response = await sut.request(
      `/api/v1/analytics/participation?eventId=${eventId}&kind=innovators-lounge&from=2027-01-01&to=2027-12-31`,
      { token: staff },
    );
    expect(response.status).toBe(200);
    expect(response.json).toEqual(participation);
    expect(sut.rpc.sentTo(AnalyticsRequests.participation)[0]?.payload).toEqual({
      eventId,
      kind: 'innovators-lounge',
      from: '2027-01-01',
      to: '2027-12-31',
    });
  });

  it('writes the events as CSV for a German Excel: BOM, semicolons, CRLF, percentages with a comma', async () => {
    const { response, text } = await csv('events.csv?kind=innovators-lounge');
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toContain("filename*=UTF-8''Veranstaltungen.csv");
    expect(sut.rpc.sentTo(AnalyticsRequests.events)[0]?.payload).toEqual({ kind: 'innovators-lounge' });
    const [head, line, end] = text.split('\r\n');
    expect(head.startsWith('\uFEFF"Veranstaltung";"Art";"Status";"Beginn";"Kapazität";"Anmeldungen"')).toBe(
      true,
    );
    expect(line).toBe(
      [
        '"Innovators Lounge Ulm: „Die smarte Stadt“"',
        '"Innovators Lounge"',
        '"Stattgefunden"',
        '"15.04.2027 17:00"',
        '"7"',
        '"10"',
        '"6"',
        '"1"',
        '"3"',
        '"4"',
        '"3"',
        '"5"',
        '"5"',
        '"1"',
        '"85,7"',
        '"75,0"',
        `"${eventId}"`,
      ].join(';'),
    );
    expect(end).toBe('');
  });

  it('writes the registrations over time as CSV, those before the opening first', async () => {
    const { text } = await csv(`events/${eventId}/timeline.csv`);
    expect(text.split('\r\n')).toEqual([
      '\uFEFF"Tag";"Von";"Bis";"Anmeldungen";"Anmeldungen gesamt"',
      '"vor der Öffnung";"";"";"1";"1"',
      '"1";"01.02.2027 09:00";"02.02.2027 09:00";"6";"7"',
      '"2";"02.02.2027 09:00";"03.02.2027 09:00";"3";"10"',
      '',
    ]);
  });

  it('writes participation, membership and working groups as CSV', async () => {
    const participationCsv = await csv('participation.csv');
    expect(participationCsv.text.split('\r\n').slice(0, 3)).toEqual([
      '\uFEFF"Merkmal";"Wert";"Anmeldungen";"Bestätigt";"Teilgenommen"',
      '"Bundesland";"Baden-Württemberg";"2";"2";"0"',
      '"Bundesland";"ohne Angabe";"1";"1";"0"',
    ]);
    expect(participationCsv.text).toContain('"Gemeindegröße";"bis 5.000 Einwohner";"1";"1";"0"');
    expect(participationCsv.response.headers.get('content-disposition')).toContain(
      "filename*=UTF-8''Teilnahme.csv",
    );
    const membershipCsv = await csv('membership.csv');
    expect(membershipCsv.text.split('\r\n')[1]).toBe('"11.2026";"9";"7";"1";"1";"118"');
    const groupsCsv = await csv('working-groups.csv');
    expect(groupsCsv.text.split('\r\n')[1]).toBe('"Digitales";"41";"digitales"');
  });

  it('writes one breakdown of the participation as CSV when asked, with the filters passed on', async () => {
    const { response, text } = await csv(`participation.csv?dimension=federal-state&eventId=${eventId}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent('Teilnahme nach Bundesland.csv')}`,
    );
    expect(text.split('\r\n')).toEqual([
      '\uFEFF"Bundesland";"Anmeldungen";"Bestätigt";"Teilgenommen"',
      '"Baden-Württemberg";"2";"2";"0"',
      '"ohne Angabe";"1";"1";"0"',
      '',
    ]);
    expect(sut.rpc.sentTo(AnalyticsRequests.participation)[0]?.payload).toEqual({ eventId });
    const sizes = await csv('participation.csv?dimension=size-class');
    expect(sizes.text.split('\r\n')[0]).toBe(
      '\uFEFF"Gemeindegröße";"Anmeldungen";"Bestätigt";"Teilgenommen"',
    );
  });

  it('keeps members out of every figure', async () => {
    const member = signTestToken({ role: 'member' });
    for (const path of [
      'events',
      'events.csv',
      `events/${eventId}`,
      'participation',
      'membership',
      'status',
    ]) {
      expect({
        path,
        status: (await sut.request(`/api/v1/analytics/${path}`, { token: member })).status,
      }).toEqual({
        path,
        status: 403,
      });
    }
    expect(sut.rpc.sentTo(AnalyticsRequests.events)).toHaveLength(0);
  });

  it('refuses malformed filters, naming them', async () => {
    const response = await sut.request('/api/v1/analytics/membership?from=2026-13&to=Mai', { token: staff });
    expect(response.status).toBe(400);
    expect(fieldsOf(response.json)).toEqual(['from', 'to']);
    const participationFilter = await sut.request('/api/v1/analytics/participation?eventId=x&kind=lounge', {
      token: staff,
    });
    expect(fieldsOf(participationFilter.json).sort()).toEqual(['eventId', 'kind']);
    const dimension = await sut.request('/api/v1/analytics/participation.csv?dimension=Land', {
      token: staff,
    });
    expect(dimension.status).toBe(400);
    expect(fieldsOf(dimension.json)).toEqual(['dimension']);
  });
});
