import { CreateCircleRequest, CreateForumRequest, CreateLoungeRequest } from '@ic/contracts';

/**
 * Whole requests as the office would send them, for „Try it out“ in the API docs. Swagger UI would
 * otherwise build a request from every field's own example, optional ones included, and the events
 * service refuses such a mix (a target group beside audience members, a module with a date and a date
 * note). Typed as the requests, so a changed contract does not compile until its example follows;
 * an end-to-end test sends each of them.
 */
export const LOUNGE_EXAMPLE: CreateLoungeRequest = {
  title: 'Innovators Lounge Ulm: Die smarte Stadt im Alltag',
  summary: 'Ein Abend über digitale Dienste, die den Alltag in der Stadt leichter machen.',
  description: 'Mit Beispielen aus Ulm und Zeit für Gespräche.\n\nAnschließend Empfang im Foyer.',
  themes: ['Digitalisierung'],
  capacity: 50,
  registration: { opensAt: '2027-02-01T09:00', closesAt: '2027-04-08T23:59' },
  audience: 'members',
  startsAt: '2027-04-15T17:00',
  endsAt: '2027-04-15T21:00',
  topic: 'Die smarte Stadt im Alltag',
  host: { name: 'Ulm', ags: '08421000', federalState: 'BW' },
  venue: {
    name: 'Kongresshaus Ulm',
    street: 'Basteistraße 40',
    postalCode: '89073',
    city: 'Ulm',
    federalState: 'BW',
  },
};

export const CIRCLE_EXAMPLE: CreateCircleRequest = {
  title: 'Kommunalzirkel Klimaschutz in kleinen Gemeinden',
  summary: 'Drei Module für Bürgermeisterinnen und Bürgermeister kleiner Gemeinden in Bayern.',
  description: 'Die Kommunen arbeiten in drei Modulen an ihren Klimaschutzplänen.',
  themes: ['Klimaschutz'],
  capacity: 12,
  registration: { opensAt: '2027-05-01T09:00', closesAt: '2027-07-31T23:59' },
  audience: 'target-group',
  targetGroup: { federalStates: ['BY'], maxPopulation: 25000 },
  modules: [
    {
      title: 'Modul 1: Auftakt in Pegnitz',
      startsAt: '2027-08-16T10:00',
      endsAt: '2027-08-16T16:00',
      place: 'Rathaus Pegnitz',
      guidingQuestions: ['Wo steht unsere Kommune beim Klimaschutz?'],
    },
    {
      title: 'Modul 2: Vor Ort in einer Mitgliedskommune',
      dateNote: 'Herbst 2027',
      guidingQuestions: ['Was haben andere Gemeinden schon umgesetzt?'],
    },
  ],
  delegation: { maxPeople: 3, suggestedRoles: ['mayor', 'administration', 'civil-society'] },
  feeCents: 0,
};

export const FORUM_EXAMPLE: CreateForumRequest = {
  title: '24. Deutschlandforum des Innovators Club',
  summary: 'Zwei Tage über die Kommune von übermorgen.',
  description: 'Vorträge, Workshops und Begegnungen in Berlin.',
  themes: ['Digitalisierung', 'Stadtentwicklung'],
  capacity: 300,
  registration: { opensAt: '2027-01-15T09:00', closesAt: '2027-05-01T23:59' },
  audience: 'members',
  startsAt: '2027-05-12T09:30',
  endsAt: '2027-05-13T16:00',
  leitgedanke: 'Kommune 2035: mutig, vernetzt, nah',
  venue: { name: 'Deutscher Städte- und Gemeindebund', city: 'Berlin', federalState: 'BE' },
  sessions: [
    {
      kind: 'talk',
      title: 'Die Kommune von übermorgen',
      startsAt: '2027-05-12T09:30',
      endsAt: '2027-05-12T10:30',
      room: 'Saal Einstein',
      speakers: [{ name: 'Prof. Dr. Ada Beispiel', organisation: 'Hochschule Beispielstadt' }],
    },
  ],
};
