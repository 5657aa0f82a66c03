/**
 * Demo events for `npm start`, dated from the day they are loaded: the next Deutschlandforum in two
 * days, three Innovators Lounges (one open for registration now, one announced with registration
 * opening later, one held), and the Kommunalzirkel "Kommunen for future" for Bavarian
 * municipalities up to 25,000 inhabitants. Host cities, venues and institutions are real; every
 * person is invented, and all speakers are external, so the demo needs no member data.
 */
import {
  AgendaSessionDto,
  berlinDate,
  CreateCircleRequest,
  CreateForumRequest,
  CreateLoungeRequest,
  SpeakerDto,
} from '@ic/contracts';

/** Berlin wall time `days` after the Berlin calendar day of `today`, e.g. `2027-05-12T09:30`. */
export function berlinDay(today: Date, days: number, time: string): string {
  const date = new Date(`${berlinDate(today)}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return `${date.toISOString().slice(0, 10)}T${time}`;
}

/** As `berlinDay`, moved on to the Monday when it falls on a weekend: municipalities meet on working days. */
function berlinWorkingDay(today: Date, days: number, time: string): string {
  const day = berlinDay(today, days, time);
  const weekday = new Date(`${day.slice(0, 10)}T12:00:00Z`).getUTCDay();
  const toMonday = weekday === 6 ? 2 : weekday === 0 ? 1 : 0;
  return berlinDay(today, days + toMonday, time);
}

const speaker = (name: string, organisation: string, bio?: string): SpeakerDto => ({
  name,
  organisation,
  ...(bio ? { bio } : {}),
});

export function demoForum(today: Date): CreateForumRequest {
  const first = (time: string) => berlinDay(today, 2, time);
  const second = (time: string) => berlinDay(today, 3, time);
  const session = (
    kind: AgendaSessionDto['kind'],
    title: string,
    startsAt: string,
    endsAt: string,
    room: string,
    speakers: SpeakerDto[],
    extra: Partial<AgendaSessionDto> = {},
  ): AgendaSessionDto => ({ kind, title, startsAt, endsAt, room, speakers, ...extra });
  return {
    title: '23. Deutschlandforum des Innovators Club',
    summary: 'Zwei Tage über die Kommune von übermorgen: mutig, vernetzt und nah an den Menschen.',
    description: [
      'Das **Deutschlandforum** ist das Herzstück des Innovators Club. In diesem Jahr steht es unter dem Leitgedanken',
      '*Kommune 2035: mutig, vernetzt, nah*.',
      '',
      'Am ersten Tag geht es um Zukunftsbilder und die Frage, was Kommunen dafür heute anders machen müssen;',
      'am zweiten Tag um konkrete Projekte aus den Workshops.',
      '',
      '- Vorträge und ein Podium mit Gästen aus Wissenschaft, Wirtschaft und Verwaltung',
      '- zwei Workshop-Runden zur Wahl',
      '- Zeit für den Austausch unter den Mitgliedern',
      '',
      'Fragen beantwortet die Geschäftsstelle unter innovators-club@dstgb.example.',
    ].join('\n'),
    themes: ['Digitalisierung', 'Stadtentwicklung', 'Partizipation', 'Kooperation'],
    capacity: 120,
    registration: { opensAt: berlinDay(today, -30, '09:00'), closesAt: berlinDay(today, 1, '18:00') },
    audience: 'members-and-guests',
    announceTo: 'all-members',
    startsAt: first('10:00'),
    endsAt: second('13:30'),
    leitgedanke: 'Kommune 2035: mutig, vernetzt, nah',
    edition: 23,
    venue: {
      name: 'Hotel Aquino – Tagungszentrum Katholische Akademie',
      street: 'Hannoversche Straße 5b',
      postalCode: '10115',
      city: 'Berlin',
      federalState: 'BE',
    },
    sessions: [
      session(
        'talk',
        'Begrüßung und Einführung in den Leitgedanken',
        first('10:00'),
        first('10:30'),
        'Großer Saal',
        [
          speaker(
            'Dr. Henrike Sommerfeld',
            'Deutscher Städte- und Gemeindebund',
            'Leiterin des Innovators Club.',
          ),
        ],
      ),
      session(
        'talk',
        'Kommune 2035: Was sich ändert und was bleibt',
        first('10:30'),
        first('11:30'),
        'Großer Saal',
        [
          speaker(
            'Prof. Dr. Matthias Wendler',
            'Hochschule für öffentliche Verwaltung Kehl',
            'Forscht zu Verwaltungsmodernisierung.',
          ),
        ],
        {
          abstract:
            'Ein Blick auf die Trends, die Städte und Gemeinden in den nächsten zehn Jahren prägen werden.',
        },
      ),
      session(
        'panel',
        'Mutig entscheiden: Wie viel Risiko darf Verwaltung wagen?',
        first('11:45'),
        first('12:45'),
        'Großer Saal',
        [
          speaker('Sabine Krüger-Altmann', 'Kommunale Gemeinschaftsstelle für Verwaltungsmanagement (KGSt)'),
          speaker('Tobias Renner', 'Fraunhofer-Institut für Offene Kommunikationssysteme FOKUS'),
          speaker('Aylin Demir', 'Bertelsmann Stiftung'),
        ],
      ),
      session(
        'workshop',
        'Daten teilen zwischen Kommunen',
        first('14:00'),
        first('15:30'),
        'Raum Spree',
        [speaker('Jan-Philipp Vogt', 'Open Knowledge Foundation Deutschland')],
        { capacity: 40 },
      ),
      session(
        'workshop',
        'Klimaanpassung im ländlichen Raum',
        first('14:00'),
        first('15:30'),
        'Raum Havel',
        [speaker('Dr. Miriam Albers', 'Umweltbundesamt')],
        { capacity: 40 },
      ),
      session(
        'workshop',
        'Bürgerbeteiligung, die ankommt',
        first('14:00'),
        first('15:30'),
        'Raum Dahme',
        [speaker('Lena Hoffmeister', 'Berlin Institut für Partizipation')],
        { capacity: 30 },
      ),
      session(
        'discussion',
        'Was nehmen wir mit? Austausch im Plenum',
        first('16:00'),
        first('17:00'),
        'Großer Saal',
        [speaker('Dr. Henrike Sommerfeld', 'Deutscher Städte- und Gemeindebund')],
      ),
      session(
        'talk',
        'Vernetzt handeln: interkommunale Zusammenarbeit in der Praxis',
        second('09:00'),
        second('10:00'),
        'Großer Saal',
        [speaker('Markus Ebert', 'Deutsches Institut für Urbanistik (Difu)')],
      ),
      session(
        'workshop',
        'Smarte Region: gemeinsame Plattformen aufbauen',
        second('10:15'),
        second('11:45'),
        'Raum Spree',
        [speaker('Katharina Lindner', 'Bundesinstitut für Bau-, Stadt- und Raumforschung (BBSR)')],
        { capacity: 50 },
      ),
      session(
        'workshop',
        'Nah bei den Menschen: Verwaltung vor Ort neu denken',
        second('10:15'),
        second('11:45'),
        'Raum Havel',
        [speaker('Stefan Brandl', 'Nationaler Normenkontrollrat')],
        { capacity: 50 },
      ),
      session('panel', 'Ergebnisse der Workshops', second('12:00'), second('13:00'), 'Großer Saal', [
        speaker('Jan-Philipp Vogt', 'Open Knowledge Foundation Deutschland'),
        speaker('Katharina Lindner', 'Bundesinstitut für Bau-, Stadt- und Raumforschung (BBSR)'),
      ]),
      session('talk', 'Ausblick und Verabschiedung', second('13:00'), second('13:30'), 'Großer Saal', [
        speaker('Dr. Henrike Sommerfeld', 'Deutscher Städte- und Gemeindebund'),
      ]),
    ],
  };
}

export function demoLounges(today: Date): Record<'ulm' | 'kalletal' | 'lueneburg', CreateLoungeRequest> {
  const at = (days: number, time: string) => berlinDay(today, days, time);
  return {
    ulm: {
      title: 'Innovators Lounge Ulm: Die smarte Stadt im Alltag',
      summary: 'Wie Ulm Daten, Sensorik und Bürgerbeteiligung zusammenbringt.',
      description:
        'Die **Lounge** in Ulm zeigt, was eine smarte Stadt im Alltag leistet: vom LoRaWAN-Netz bis zum Verschwörhaus.\n\nMehr zur Stadt unter https://www.ulm.de.',
      themes: ['Digitalisierung', 'Stadtentwicklung'],
      capacity: 50,
      registration: { opensAt: at(-7, '09:00'), closesAt: at(30, '23:59') },
      audience: 'members',
      startsAt: at(35, '17:00'),
      endsAt: at(35, '21:00'),
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
    kalletal: {
      title: 'Innovators Lounge Kalletal: Nachhaltig und digital auf dem Land',
      summary: 'Global Nachhaltige Kommune und digital.interkommunal: was ländliche Räume vormachen.',
      description:
        'Kalletal und Lemgo arbeiten bei *digital.interkommunal* zusammen. Die Lounge fragt, was andere ländliche Kommunen davon übernehmen können.',
      themes: ['Klimaschutz', 'Digitalisierung', 'Kooperation'],
      capacity: 40,
      registration: { opensAt: at(14, '09:00'), closesAt: at(85, '23:59') },
      audience: 'members',
      announceTo: 'matching-themes',
      startsAt: at(90, '17:00'),
      endsAt: at(90, '21:00'),
      topic: 'Nachhaltig und digital auf dem Land',
      host: { name: 'Kalletal', ags: '05766040', federalState: 'NW' },
      venue: {
        name: 'Rathaus Kalletal',
        street: 'Rintelner Straße 3',
        postalCode: '32689',
        city: 'Kalletal',
        federalState: 'NW',
      },
    },
    lueneburg: {
      title: 'Innovators Lounge Lüneburg: Energiewende in der Hansestadt',
      summary: 'Wärmeplanung, Bürgerenergie und was Kommunen dabei selbst in der Hand haben.',
      description:
        'Die Hansestadt Lüneburg lud zur Lounge über kommunale **Wärmeplanung** und Bürgerenergie ein.',
      themes: ['Energiepolitik', 'Klimaschutz'],
      capacity: 45,
      // Created while still ahead, then moved to its real, past date (see seedEvents).
      registration: { opensAt: at(1, '09:00'), closesAt: at(20, '23:59') },
      audience: 'members',
      startsAt: at(21, '17:00'),
      endsAt: at(21, '21:00'),
      topic: 'Energiewende in der Hansestadt',
      host: { name: 'Lüneburg', ags: '03355022', federalState: 'NI' },
      venue: {
        name: 'Leuphana Universität Lüneburg, Zentralgebäude',
        street: 'Universitätsallee 1',
        postalCode: '21335',
        city: 'Lüneburg',
        federalState: 'NI',
      },
    },
  };
}

/** When the Lüneburg lounge really took place: about two months ago. */
export function lueneburgPastDates(
  today: Date,
): Pick<CreateLoungeRequest, 'startsAt' | 'endsAt' | 'registration'> {
  return {
    startsAt: berlinDay(today, -60, '17:00'),
    endsAt: berlinDay(today, -60, '21:00'),
    registration: { opensAt: berlinDay(today, -100, '09:00'), closesAt: berlinDay(today, -62, '23:59') },
  };
}

export function demoCircle(today: Date): CreateCircleRequest {
  const at = (days: number, time: string) => berlinDay(today, days, time);
  const workingDay = (days: number, time: string) => berlinWorkingDay(today, days, time);
  const lastModuleYear = berlinDay(today, 240, '00:00').slice(0, 4);
  return {
    title: 'Kommunalzirkel „Kommunen for future – Wandel vor Ort gestalten“',
    summary:
      'Ein Jahr lang gemeinsam an Klimaschutz und Nachhaltigkeit vor Ort arbeiten: vier Module, kostenfrei.',
    description: [
      'Der **Kommunalzirkel** richtet sich an bayerische Städte, Märkte und Gemeinden mit bis zu 25.000 Einwohnerinnen und Einwohnern.',
      '',
      'Idealerweise entsendet eine Kommune ihre Bürgermeisterin oder ihren Bürgermeister gemeinsam mit jemandem aus der Verwaltung',
      'und/oder aus der Zivilgesellschaft. Die Module finden nach Möglichkeit in den teilnehmenden Kommunen statt; der Auftakt ist in Pegnitz.',
      '',
      'Die Teilnahme ist kostenfrei.',
    ].join('\n'),
    themes: ['Klimaschutz', 'Energiepolitik', 'Partizipation'],
    capacity: 30,
    registration: { opensAt: at(-14, '09:00'), closesAt: at(35, '23:59') },
    audience: 'target-group',
    targetGroup: { federalStates: ['BY'], maxPopulation: 25_000 },
    delegation: { maxPeople: 3, suggestedRoles: ['mayor', 'administration', 'civil-society'] },
    feeCents: 0,
    modules: [
      {
        title: 'Modul 1: Auftakt in Pegnitz',
        startsAt: workingDay(42, '10:00'),
        endsAt: workingDay(42, '16:00'),
        place: 'Rathaus Pegnitz, Hauptstraße 37, 91257 Pegnitz',
        guidingQuestions: [
          'Wo steht unsere Kommune beim Klimaschutz, und wo wollen wir in fünf Jahren stehen?',
          'Wer vor Ort treibt den Wandel schon heute voran?',
        ],
      },
      {
        title: 'Modul 2: Energie und Wärme in kommunaler Hand',
        startsAt: workingDay(126, '10:00'),
        endsAt: workingDay(126, '16:00'),
        place: 'Fichtelgebirgshalle, Wunsiedel',
        guidingQuestions: [
          'Welche Rolle können Bürgerenergiegenossenschaften spielen?',
          'Wie gelingt eine kommunale Wärmeplanung mit kleinen Verwaltungen?',
        ],
      },
      {
        title: 'Modul 3: Beteiligung, die trägt',
        startsAt: workingDay(196, '10:00'),
        endsAt: workingDay(196, '16:00'),
        place: 'Rathaus Hersbruck',
        guidingQuestions: [
          'Wie gewinnen wir Menschen, die sich sonst nicht beteiligen?',
          'Was lernen wir aus Projekten, die gescheitert sind?',
        ],
      },
      {
        title: 'Modul 4: Bilanz und nächste Schritte',
        dateNote: `Frühjahr/Sommer ${lastModuleYear}`,
        guidingQuestions: [
          'Was haben wir erreicht, und was bleibt zu tun?',
          'Wie tragen wir die Ergebnisse in die Gremien unserer Kommunen?',
        ],
      },
    ],
  };
}
