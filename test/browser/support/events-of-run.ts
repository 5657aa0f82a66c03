import type { Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import type { E2eClient } from '../../support/e2e-client';
import { expect } from './fixtures';
import { appointedMember, signInMember } from './members';
import { berlinMinute } from './berlin-time';

/** The events of one run of events.browser.ts, as the office publishes them through the API, and its member. */

export const HOUR = 60 * 60 * 1000;

export interface PublishedEvent {
  readonly eventId: string;
  readonly status: string;
  readonly title: string;
}

/**
 * The three events of one run within ten days of their own far ahead (after the years the
 * end-to-end tests use; the API takes years up to 2100), so that the period filter finds this
 * run's events and hardly any others: the lounge on the first day, the forum on the third and
 * fourth, the Kommunalzirkel's dated modules on the sixth and ninth.
 */
export function eventsOfRun() {
  const year = 2091 + Math.floor(Math.random() * 10);
  const first = Date.UTC(year, 1, 1) + Math.floor(Math.random() * 290) * 24 * HOUR;
  const day = (offset: number) => new Date(first + offset * 24 * HOUR).toISOString().slice(0, 10);
  const common = { description: 'Ein Tag **Austausch** auf Augenhöhe.', themes: ['Klimaschutz'] };
  return {
    year,
    day,
    period: { from: day(0), to: day(9) },
    forum: {
      ...common,
      title: `Deutschlandforum ${year}`,
      description:
        '# Worum es geht\n\nZwei Tage **Austausch** zwischen Kommunen, Wirtschaft und Wissenschaft.',
      themes: ['Digitalisierung', 'Partizipation'],
      capacity: 200,
      registration: { opensAt: `${year}-01-10T09:00`, closesAt: `${day(-1)}T23:59` },
      audience: 'members-and-guests',
      startsAt: `${day(2)}T09:30`,
      endsAt: `${day(3)}T16:00`,
      leitgedanke: 'Kommune 2035: mutig, vernetzt, nah',
      edition: 40,
      venue: {
        name: 'Kongresshaus',
        street: 'Mußstraße 1',
        postalCode: '96047',
        city: 'Bamberg',
        federalState: 'BY',
      },
      sessions: [
        {
          kind: 'talk',
          title: 'Eröffnung: Die Kommune als Plattform',
          startsAt: `${day(2)}T09:30`,
          endsAt: `${day(2)}T10:30`,
          room: 'Saal Einstein',
          speakers: [{ name: 'Dr. Maria Beispiel', organisation: 'Deutscher Städte- und Gemeindebund' }],
        },
        ...['Werkstatt Daten', 'Werkstatt Energie'].map((title, index) => ({
          kind: 'workshop',
          title,
          startsAt: `${day(2)}T11:00`,
          endsAt: `${day(2)}T12:30`,
          room: `Raum ${index + 1}`,
          capacity: 30,
          speakers: [
            {
              name: 'Prof. Dr. Ada Beispiel',
              organisation: 'Hochschule Beispielstadt',
              bio: 'Forscht zu offenen Daten.',
            },
          ],
        })),
        {
          kind: 'panel',
          title: 'Abschlusspodium',
          startsAt: `${day(3)}T14:00`,
          endsAt: `${day(3)}T16:00`,
          room: 'Saal Einstein',
          speakers: [],
        },
      ],
    },
    lounge: {
      ...common,
      title: 'Innovators Lounge Ulm: Die smarte Stadt im Alltag',
      summary: 'Wie Ulm Daten, Sensorik und Bürgerbeteiligung zusammenbringt.',
      themes: ['Digitalisierung', 'Stadtentwicklung'],
      capacity: 40,
      registration: { opensAt: berlinMinute(Date.now() - HOUR), closesAt: `${day(-1)}T12:00` },
      audience: 'members',
      announceTo: 'matching-themes',
      startsAt: `${day(0)}T18:00`,
      endsAt: `${day(0)}T21:00`,
      topic: 'Die smarte Stadt im Alltag',
      host: { name: 'Ulm', ags: '08421000', federalState: 'BW' },
      venue: {
        name: 'Stadthaus Ulm',
        street: 'Münsterplatz 50',
        postalCode: '89073',
        city: 'Ulm',
        federalState: 'BW',
      },
    },
    circle: {
      ...common,
      title: 'Kommunen for future – Wandel vor Ort gestalten',
      capacity: 32,
      registration: { opensAt: `${year}-01-10T09:00`, closesAt: `${day(-1)}T23:59` },
      themes: ['Klimaschutz', 'Digitalisierung'],
      audience: 'target-group',
      targetGroup: { federalStates: ['BY'], maxPopulation: 25000 },
      modules: [
        {
          title: 'Modul 1: Auftakt in Pegnitz',
          startsAt: `${day(5)}T10:00`,
          endsAt: `${day(5)}T16:00`,
          place: 'Rathaus Pegnitz',
          guidingQuestions: ['Wo steht unsere Kommune beim Klimaschutz?'],
        },
        {
          title: 'Modul 2: Energie vor Ort',
          startsAt: `${day(8)}T10:00`,
          endsAt: `${day(8)}T16:00`,
          guidingQuestions: [],
        },
        { title: 'Modul 3: Bilanz', dateNote: 'Frühjahr/Sommer', guidingQuestions: ['Was nehmen wir mit?'] },
      ],
      delegation: { maxPeople: 3, suggestedRoles: ['mayor', 'administration', 'civil-society'] },
      feeCents: 0,
    },
  };
}

export type Run = ReturnType<typeof eventsOfRun>;

export interface RunEvents {
  readonly forum: PublishedEvent;
  readonly lounge: PublishedEvent;
  readonly circle: PublishedEvent;
}

/** A PDF as the events service recognises one: the header, then any content. */
export function pdfOf(size: number): Buffer {
  const head = Buffer.from('%PDF-1.7\n%âãÏÓ\n', 'latin1');
  const tail = Buffer.from('\n%%EOF\n', 'latin1');
  return Buffer.concat([head, randomBytes(size - head.length - tail.length), tail]);
}

/** The office creates and announces the three events (the lounge with its registration open) and uploads the forum's programme. */
export async function publish(api: E2eClient, staffToken: string, run: Run): Promise<RunEvents> {
  const [forum, lounge, circle] = await Promise.all([
    api.publishEvent<PublishedEvent>(staffToken, 'forums', run.forum, 'announced'),
    api.publishEvent<PublishedEvent>(staffToken, 'lounges', run.lounge, 'registration-open'),
    api.publishEvent<PublishedEvent>(staffToken, 'circles', run.circle, 'announced'),
  ]);
  const programme = new FormData();
  programme.append('title', 'Programm des Deutschlandforums');
  programme.append('kind', 'programme');
  programme.append('file', new Blob([pdfOf(20_000)], { type: 'application/pdf' }), 'programm.pdf');
  const uploaded = await api.call('POST', `/events/${forum.eventId}/documents`, {
    token: staffToken,
    body: programme,
  });
  expect(uploaded.status, uploaded.text).toBe(201);
  return { forum, lounge, circle };
}

/**
 * Dates the circle's open module once the test is done, so that later runs' period filters do not
 * list it (a series with an undated module counts for every period from its start on).
 */
export async function dateTheOpenModule(
  api: E2eClient,
  staffToken: string,
  run: Run,
  circle: PublishedEvent,
) {
  const current = await api.call<{ circle: { modules: { moduleId: string; dateNote?: string }[] } }>(
    'GET',
    `/events/${circle.eventId}`,
    { token: staffToken },
  );
  const modules = current.body.circle.modules.map(({ dateNote, ...module }) =>
    dateNote ? { ...module, startsAt: `${run.day(9)}T10:00`, endsAt: `${run.day(9)}T16:00` } : module,
  );
  await api.call('PATCH', `/events/circles/${circle.eventId}`, { token: staffToken, body: { modules } });
}

/** Appointed by the office, accepted, and signed in on this page with the link from the sign-in mail. */
export async function signedInMember(page: Page, api: E2eClient, staffToken: string, returnTo: string) {
  const erika = await appointedMember(api, staffToken, {
    firstName: 'Erika',
    organisation: 'Markt Pegnitz',
    federalState: 'BY',
    municipality: { name: 'Pegnitz', ags: '09472175', population: 13500 },
    themes: ['Klimaschutz'],
  });
  await signInMember(page, api, erika.email, returnTo);
}
