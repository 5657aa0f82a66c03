import type { components } from '../../api/openapi';

type Schemas = components['schemas'];
type EventStatus = NonNullable<Schemas['EventFiguresResponse']['status']>;

const number = new Intl.NumberFormat('de-DE');
const count = (n: number, one: string, many: string) => `${number.format(n)} ${n === 1 ? one : many}`;

/** Texts of the office console's section „Auswertungen“ (/geschaeftsstelle/auswertungen). */
export const analytics = {
  title: 'Auswertungen',
  lead: 'Die Zahlen des Clubs: Auslastung und Anmeldungen der Veranstaltungen, wer teilnimmt, die Mitgliedschaft und die Arbeitsgruppen. Zu jedem Diagramm gibt es die Tabelle und eine CSV-Datei für Excel.',
  sections: 'Inhalt dieser Seite',

  // ---- „Stand“: how far the figures have read what happened
  asOf: {
    heading: 'Stand der Zahlen',
    asOf: (time: string) => `Stand: ${time}`,
    complete: 'Alles bisher Geschehene ist eingerechnet.',
    behind: (pending: number) =>
      `${count(pending, 'Vorgang ist', 'Vorgänge sind')} noch nicht eingerechnet; die Zahlen werden in wenigen Sekunden aktualisiert.`,
    rebuilding: (percent: string) =>
      `Die Auswertungen werden gerade neu berechnet (${percent}); bis dahin zeigen sie den vorigen Stand.`,
    unknown: 'Wie aktuell die Zahlen sind, lässt sich gerade nicht feststellen.',
    refresh: 'Zahlen aktualisieren',
  },

  // ---- the filter of events and participation
  filters: {
    legend: 'Veranstaltungen auswählen',
    kind: 'Art',
    allKinds: 'Alle Arten',
    from: 'Beginn ab',
    to: 'Beginn bis',
    apply: 'Anzeigen',
    reset: 'Auswahl zurücksetzen',
    hint: 'Gilt für die Auslastung und die Teilnahme. Zuerst sind es die Veranstaltungen der letzten 90 Tage und die kommenden; leeren Sie „Beginn ab“, um alle zu sehen.',
    toBeforeFrom: 'Das Ende des Zeitraums liegt vor seinem Beginn.',
  },

  // ---- what every chart has
  chart: {
    showTable: 'Tabelle anzeigen',
    tableOf: (heading: string) => `Tabelle: ${heading}`,
    csv: 'CSV-Datei für Excel herunterladen',
    legend: 'Legende',
    empty: 'Dazu gibt es noch keine Zahlen.',
  },

  // ---- fill rate per event
  events: {
    heading: 'Auslastung je Veranstaltung',
    intro: 'Bestätigte Anmeldungen im Verhältnis zu den Plätzen (beim Kommunalzirkel: Kommunen).',
    chartLabel: (count: number) =>
      `Balkendiagramm: Auslastung von ${count === 1 ? 'einer Veranstaltung' : `${number.format(count)} Veranstaltungen`} in Prozent der Plätze. Die Zahlen stehen in der Tabelle darunter.`,
    withoutCapacity: 'Veranstaltungen ohne Platzbegrenzung erscheinen nur in der Tabelle.',
    chartLimited: (shown: number, all: number) =>
      `Das Diagramm zeigt die ersten ${number.format(shown)} von ${number.format(all)} Veranstaltungen mit Platzbegrenzung; die Tabelle zeigt alle. Grenzen Sie die Auswahl oben ein, um andere im Diagramm zu sehen.`,
    empty: 'Für diese Auswahl gibt es keine Veranstaltungen.',
    caption: 'Veranstaltungen mit ihren Zahlen',
    series: 'Auslastung',
    columns: {
      title: 'Veranstaltung',
      kind: 'Art',
      state: 'Zustand',
      startsAt: 'Beginn',
      capacity: 'Plätze',
      registered: 'Anmeldungen',
      confirmed: 'Bestätigt',
      waiting: 'Warteliste',
      cancelled: 'Storniert',
      attended: 'Teilgenommen',
      fillRate: 'Auslastung',
    },
    noCapacity: 'ohne Begrenzung',
    untitled: 'Veranstaltung ohne Titel',
    csv: 'Veranstaltungen als CSV-Datei für Excel herunterladen',
  },

  // ---- registrations over time
  timeline: {
    heading: 'Anmeldungen im Zeitverlauf',
    intro: 'Anmeldungen einer Veranstaltung seit der Öffnung der Anmeldung.',
    event: 'Veranstaltung',
    granularity: 'Zeitschritt',
    granularities: { day: 'je Tag', hour: 'je Stunde' } satisfies Record<
      Schemas['EventDetailFiguresResponse']['granularity'],
      string
    >,
    noEvents: 'Es gibt noch keine Veranstaltung mit Zahlen.',
    openedAt: (time: string) => `Anmeldung geöffnet: ${time}`,
    beforeOpening: (n: number) =>
      `Vor der Öffnung hat die Geschäftsstelle ${count(n, 'Anmeldung', 'Anmeldungen')} eingetragen; sie sind in „Anmeldungen gesamt“ enthalten.`,
    empty: 'Zu dieser Veranstaltung sind seit der Öffnung noch keine Anmeldungen eingegangen.',
    notOpened: 'Die Anmeldung zu dieser Veranstaltung ist noch nicht geöffnet.',
    chartLabel: (title: string, granularity: string, total: number) =>
      `Diagramm: Anmeldungen zu „${title}“ ${granularity} seit der Öffnung als Balken, Anmeldungen gesamt als Linie; zuletzt ${number.format(total)}. Die Zahlen stehen in der Tabelle.`,
    caption: (title: string) => `Anmeldungen zu „${title}“ im Zeitverlauf`,
    perStep: 'Anmeldungen',
    cumulative: 'Anmeldungen gesamt',
    columns: { period: 'Zeitraum', registrations: 'Anmeldungen', cumulative: 'Anmeldungen gesamt' },
    csv: 'Anmeldungen im Zeitverlauf als CSV-Datei für Excel herunterladen',
  },

  // ---- participation by federal state, sector, theme and size class
  participation: {
    heading: 'Teilnahme',
    intro:
      'Anmeldungen, bestätigte Anmeldungen und Teilnahmen, aufgeschlüsselt nach Land, Sektor, Themenfeld und Gemeindegröße. Mitglieder zählen mit ihrem Profil, Kommunen mit ihrem Land und ihrer Größe.',
    event: 'Veranstaltung',
    allEvents: 'Alle ausgewählten Veranstaltungen',
    totals: (registered: number, confirmed: number, attended: number) =>
      `Insgesamt ${count(registered, 'Anmeldung', 'Anmeldungen')}, davon ${number.format(confirmed)} bestätigt, ${number.format(attended)} teilgenommen.`,
    series: { registered: 'Anmeldungen', confirmed: 'Bestätigt', attended: 'Teilgenommen' },
    dimensions: {
      federalState: {
        heading: 'Teilnahme nach Land',
        column: 'Land',
        noun: 'Land',
      },
      sector: { heading: 'Teilnahme nach Sektor', column: 'Sektor', noun: 'Sektor' },
      theme: {
        heading: 'Teilnahme nach Themenfeld',
        column: 'Themenfeld',
        noun: 'Themenfeld',
        note: 'Wer mehrere Themenfelder angegeben hat, zählt in jedem.',
      },
      sizeClass: {
        heading: 'Teilnahme nach Gemeindegröße',
        column: 'Gemeindegröße',
        noun: 'Gemeindegröße',
      },
    },
    chartLabel: (noun: string, registered: number) =>
      `Balkendiagramm: Anmeldungen, bestätigte Anmeldungen und Teilnahmen je ${noun}; insgesamt ${count(registered, 'Anmeldung', 'Anmeldungen')}. Die Zahlen stehen in der Tabelle.`,
    withoutValue: 'ohne Angabe',
    sizeClasses: {
      'up-to-5000': 'bis 5.000 Einwohner',
      '5001-20000': '5.001 bis 20.000 Einwohner',
      '20001-100000': '20.001 bis 100.000 Einwohner',
      'over-100000': 'über 100.000 Einwohner',
    } as Readonly<Record<string, string>>,
    csv: (heading: string) => `${heading} als CSV-Datei für Excel herunterladen`,
    csvAll: 'Alle vier Aufschlüsselungen in einer CSV-Datei für Excel herunterladen',
  },

  // ---- membership per month
  membership: {
    heading: 'Mitgliedschaft je Monat',
    intro:
      'Berufungen, Zusagen, Absagen und beendete Mitgliedschaften je Monat und die Mitglieder am Monatsende.',
    activeMembers: (n: number) => `Aktive Mitglieder heute: ${number.format(n)}`,
    chartLabel: (months: number, members: number) =>
      `Diagramm über ${count(months, 'Monat', 'Monate')}: Berufungen, Zusagen, Absagen und Austritte je Monat als Balken, die Mitglieder am Monatsende als Linie, zuletzt ${number.format(members)}. Die Zahlen stehen in der Tabelle.`,
    caption: 'Mitgliedschaft je Monat',
    series: {
      invited: 'Berufen',
      accepted: 'Zugesagt',
      declined: 'Abgesagt',
      left: 'Ausgeschieden',
      members: 'Mitglieder am Monatsende',
    },
    month: 'Monat',
    empty: 'Es gibt noch keine Berufungen.',
    csv: 'Mitgliedschaft je Monat als CSV-Datei für Excel herunterladen',
  },

  // ---- working groups
  workingGroups: {
    heading: 'Arbeitsgruppen',
    intro: 'Aktive Mitglieder je Arbeitsgruppe.',
    chartLabel: (groups: number) =>
      `Balkendiagramm: aktive Mitglieder von ${count(groups, 'Arbeitsgruppe', 'Arbeitsgruppen')}. Die Zahlen stehen in der Tabelle.`,
    caption: 'Aktive Mitglieder je Arbeitsgruppe',
    group: 'Arbeitsgruppe',
    members: 'Aktive Mitglieder',
    empty: 'Es gibt noch keine Arbeitsgruppen.',
    manage: 'Arbeitsgruppen verwalten',
    csv: 'Arbeitsgruppen als CSV-Datei für Excel herunterladen',
  },

  eventStates: {
    draft: 'Entwurf',
    announced: 'Angekündigt',
    'registration-open': 'Anmeldung offen',
    'registration-closed': 'Anmeldung geschlossen',
    held: 'Stattgefunden',
    cancelled: 'Abgesagt',
  } satisfies Record<EventStatus, string>,
} as const;
