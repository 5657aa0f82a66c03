import type { components } from '../../api/openapi';

type EventStatus = components['schemas']['EventResponse']['status'];
type AnnouncementScope = components['schemas']['EventResponse']['announceTo'];

const count = (n: number, one: string, many: string) =>
  `${n.toLocaleString('de-DE')} ${n === 1 ? one : many}`;

/** Texts of the office console's section „events“: the list and one event with its lifecycle. */
export const events = {
  /** Where an event stands, as the office names it (the portal words it for members). */
  states: {
    draft: 'Entwurf',
    announced: 'Angekündigt',
    'registration-open': 'Anmeldung offen',
    'registration-closed': 'Anmeldung geschlossen',
    held: 'Hat stattgefunden',
    cancelled: 'Abgesagt',
  } satisfies Record<EventStatus, string>,
  announceTo: {
    'all-members': 'Alle Mitglieder, die Ankündigungen erhalten möchten',
    'matching-themes': 'Mitglieder mit passendem Themenfeld, die Ankündigungen erhalten möchten',
  } satisfies Record<AnnouncementScope, string>,

  // ---- /geschaeftsstelle/veranstaltungen
  list: {
    title: 'Veranstaltungen',
    lead: 'Alle Veranstaltungen des Clubs, auch Entwürfe und abgesagte.',
    loading: 'Die Veranstaltungen werden geladen …',
    newEvent: {
      heading: 'Neue Veranstaltung',
      forum: 'Deutschlandforum anlegen',
      lounge: 'Innovators Lounge anlegen',
      circle: 'Kommunalzirkel anlegen',
    },
    filters: {
      heading: 'Veranstaltungen filtern',
      kind: 'Art',
      state: 'Stand',
      when: 'Zeitraum',
      upcoming: 'Kommende',
      past: 'Vergangene',
      from: 'Von',
      to: 'Bis',
      dateHint: 'Datum wie 01.06.2027',
      any: 'Alle',
      apply: 'Filter anwenden',
      reset: 'Filter zurücksetzen',
      invalidDate: 'Bitte geben Sie ein gültiges Datum ein, zum Beispiel 01.06.2027.',
      toBeforeFrom: 'Das Enddatum darf nicht vor dem Anfangsdatum liegen.',
    },
    tableCaption: (n: number, more: boolean) =>
      more
        ? `${count(n, 'Veranstaltung', 'Veranstaltungen')} angezeigt, weitere folgen`
        : `${count(n, 'Veranstaltung', 'Veranstaltungen')}`,
    columns: {
      title: 'Veranstaltung',
      kind: 'Art',
      when: 'Termin',
      state: 'Stand',
      window: 'Anmeldezeitraum',
      fill: 'Belegung',
    },
    windowUntil: (closes: string) => `bis ${closes}`,
    fill: (registered: number, capacity: number) =>
      `${registered.toLocaleString('de-DE')} von ${capacity.toLocaleString('de-DE')}`,
    fillWaiting: (waiting: number) => `${count(waiting, 'wartet', 'warten')}`,
    fillUnknown: 'nicht abrufbar',
    fillLoading: 'wird geladen …',
    municipalities: 'Kommunen',
    more: 'Weitere anzeigen',
    loadingMore: 'Weitere werden geladen …',
    empty: 'Es gibt noch keine Veranstaltung. Legen Sie die erste oben unter „Neue Veranstaltung“ an.',
    emptyFiltered: 'Keine Veranstaltung passt zu diesen Filtern.',
    emptyPast: 'Es gibt noch keine vergangenen Veranstaltungen.',
  },

  // ---- /geschaeftsstelle/veranstaltungen/:eventId
  page: {
    loading: 'Die Veranstaltung wird geladen …',
    back: 'Zurück zu allen Veranstaltungen',
    notFound: {
      title: 'Veranstaltung nicht gefunden',
      text: 'Diese Veranstaltung gibt es nicht (mehr). Vielleicht stimmt die Adresse nicht.',
    },
    errorTitle: 'Veranstaltung',
    lead: (kind: string, period: string, state: string) => `${kind} · ${period} · ${state}`,
    links: {
      label: 'Zu dieser Veranstaltung',
      edit: 'Bearbeiten',
      participants: 'Teilnehmende',
      checkIn: 'Einlass',
      portal: 'Im Mitgliederportal ansehen',
    },
    notEditable: 'Stattgefundene und abgesagte Veranstaltungen lassen sich nicht mehr bearbeiten.',
    cancelled: {
      heading: 'Abgesagt',
      reason: 'Grund:',
      when: (date: string) => `Abgesagt am ${date}.`,
    },
    facts: {
      heading: 'Angaben',
      kind: 'Art',
      state: 'Stand',
      when: 'Termin',
      where: 'Ort',
      host: 'Gastgeber',
      topic: 'Thema',
      themes: 'Themenfelder',
      noThemes: 'keine',
      audience: 'Wer teilnehmen kann',
      announceTo: 'Wer die Ankündigung erhält',
      targetGroupOnly: 'Die Zielgruppe (siehe „Zielgruppe und Teilnahme“)',
      capacity: 'Plätze',
      window: 'Anmeldezeitraum',
      summary: 'Kurzbeschreibung',
      created: 'Angelegt am',
      updated: 'Zuletzt geändert am',
    },
    leitgedanke: 'Leitgedanke',
    description: 'Beschreibung',
    figures: {
      heading: 'Zahlen',
      loading: 'Die Zahlen werden geladen …',
      confirmed: 'Angemeldet',
      confirmedPeople: 'Personen (Delegationen einzeln gezählt)',
      capacity: 'Plätze',
      capacityCircle: 'Plätze (Kommunen)',
      waiting: 'Warteliste',
      cancelledRegistrations: 'Storniert',
      interestedMembers: 'Interessierte Mitglieder',
      interestedMunicipalities: 'Interessierte Kommunen',
      attended: 'Beim Einlass vermerkt',
      noShows: 'Nicht erschienen',
      unavailable: 'Die Zahlen sind gerade nicht abrufbar.',
      draft: 'Noch keine Anmeldungen: Ein Entwurf ist für Mitglieder nicht sichtbar.',
      workshops: 'Workshops',
      workshop: 'Workshop',
      workshopSeats: (confirmed: number, capacity: number, waiting: number) =>
        `${confirmed.toLocaleString('de-DE')} von ${capacity.toLocaleString('de-DE')} Plätzen belegt, ${count(waiting, 'wartet', 'warten')}`,
    },
  },

  // ---- the documents of an event
  documents: {
    remove: (title: string) => `„${title}“ entfernen`,
    removeTitle: 'Dokument entfernen?',
    removeText: (title: string) =>
      `„${title}“ wird von der Veranstaltung entfernt. Mitglieder können es danach nicht mehr herunterladen.`,
    removeConfirm: 'Ja, entfernen',
    removed: (title: string) => `„${title}“ wurde entfernt.`,
    upload: {
      heading: 'Dokument hochladen',
      file: 'Datei',
      fileHint: 'PDF, PNG, JPEG, Word (DOCX), PowerPoint (PPTX) oder Excel (XLSX), höchstens 20 MB.',
      title: 'Titel',
      titleHint: 'So sehen Mitglieder das Dokument, zum Beispiel „Programm“.',
      kind: 'Art des Dokuments',
      kindProgramme: 'Programm (nur als PDF)',
      kindOther: 'Sonstige Unterlage',
      submit: 'Hochladen',
      busy: 'Wird hochgeladen …',
      done: (title: string) => `„${title}“ wurde hochgeladen.`,
      missingFile: 'Bitte wählen Sie eine Datei aus.',
      missingTitle: 'Bitte geben Sie einen Titel ein.',
      tooLarge: 'Die Datei ist größer als 20 MB. Bitte wählen Sie eine kleinere Datei.',
      wrongType:
        'Diesen Dateityp nimmt das Portal nicht an. Erlaubt sind PDF, PNG, JPEG, DOCX, PPTX und XLSX.',
      programmeMustBePdf: 'Ein Programm muss ein PDF sein.',
    },
  },

  // ---- the lifecycle buttons
  lifecycle: {
    heading: 'Stand ändern',
    current: (state: string) => `Die Veranstaltung ist im Stand „${state}“.`,
    nothing: 'Diese Veranstaltung ist abgeschlossen; ihr Stand lässt sich nicht mehr ändern.',
    scheduleNote:
      'Die Anmeldung öffnet und schließt zu den Zeiten des Anmeldezeitraums von selbst; nach ihrem Ende gilt die Veranstaltung von selbst als stattgefunden.',
    counting: 'Es wird ermittelt, wer benachrichtigt wird …',
    countFailed:
      'Wie viele Personen benachrichtigt werden, lässt sich gerade nicht ermitteln. Es gelten dieselben Regeln wie oben.',
    done: {
      announce: 'Die Veranstaltung ist angekündigt. Die E-Mails werden jetzt verschickt.',
      'open-registration': 'Die Anmeldung ist geöffnet.',
      'close-registration': 'Die Anmeldung ist geschlossen.',
      'mark-held': 'Die Veranstaltung ist als stattgefunden vermerkt.',
      cancel: 'Die Veranstaltung ist abgesagt. Die Absagen werden jetzt verschickt.',
    },
    announce: {
      button: 'Ankündigen',
      title: 'Veranstaltung ankündigen?',
      intro:
        'Nach der Ankündigung sehen Mitglieder die Veranstaltung im Portal; sie lässt sich danach weiter bearbeiten, aber nicht mehr zurücknehmen, nur absagen.',
      confirm: 'Ja, jetzt ankündigen',
      whoTargetGroup: (n: number) =>
        n === 0
          ? 'Niemand erhält eine Ankündigung per E-Mail: Kein Mitglied, das Ankündigungen erhalten möchte, gehört zur Zielgruppe.'
          : `${n === 1 ? 'Das 1 Mitglied' : `Alle ${n.toLocaleString('de-DE')} Mitglieder`} der Zielgruppe, die Ankündigungen erhalten möchten, ${n === 1 ? 'erhält' : 'erhalten'} eine Ankündigung per E-Mail.`,
      whoThemes: (n: number) =>
        n === 0
          ? 'Niemand erhält eine Ankündigung per E-Mail: Kein Mitglied, das Ankündigungen erhalten möchte, hat ein passendes Themenfeld.'
          : `${n === 1 ? 'Das 1 Mitglied' : `Die ${n.toLocaleString('de-DE')} Mitglieder`} mit einem passenden Themenfeld, die Ankündigungen erhalten möchten, ${n === 1 ? 'erhält' : 'erhalten'} eine Ankündigung per E-Mail.`,
      whoAll: (n: number) =>
        n === 0
          ? 'Niemand erhält eine Ankündigung per E-Mail: Kein aktives Mitglied möchte Ankündigungen erhalten.'
          : `${n === 1 ? 'Das 1 aktive Mitglied' : `Alle ${n.toLocaleString('de-DE')} aktiven Mitglieder`}, die Ankündigungen erhalten möchten, ${n === 1 ? 'erhält' : 'erhalten'} eine Ankündigung per E-Mail.`,
      opensLater: (when: string) =>
        `Die Ankündigung nennt den Anmeldebeginn am ${when}; dann erhalten diese Mitglieder noch die Nachricht „Anmeldung geöffnet“.`,
      opensNow: 'Die Ankündigung sagt, dass die Anmeldung schon offen ist.',
    },
    'open-registration': {
      button: 'Anmeldung jetzt öffnen',
      title: 'Anmeldung vorzeitig öffnen?',
      intro: (when: string) =>
        `Die Anmeldung würde sonst am ${when} von selbst öffnen. Ab sofort können sich Mitglieder anmelden.`,
      confirm: 'Ja, Anmeldung öffnen',
      whoAudience: (n: number) =>
        n === 0
          ? 'Aus dem Kreis der Angekündigten erhält niemand eine Nachricht.'
          : `${count(n, 'Mitglied', 'Mitglieder')}, denen die Ankündigung einen späteren Anmeldebeginn nannte, ${n === 1 ? 'erhält' : 'erhalten'} die Nachricht „Anmeldung geöffnet“.`,
      whoInterested: (members: number, municipalities: number) =>
        members + municipalities === 0
          ? 'Niemand hat Interesse bekundet.'
          : `Wer Interesse bekundet hat (${count(members, 'Mitglied', 'Mitglieder')}, ${count(municipalities, 'Kommune', 'Kommunen')}), erhält ebenfalls diese Nachricht – auch wer Ankündigungen abbestellt hat; niemand erhält sie doppelt.`,
    },
    'close-registration': {
      button: 'Anmeldung jetzt schließen',
      title: 'Anmeldung vorzeitig schließen?',
      intro: (when: string) =>
        `Die Anmeldung würde sonst am ${when} von selbst schließen. Danach kann sich niemand mehr anmelden.`,
      confirm: 'Ja, Anmeldung schließen',
      who: (confirmed: number, waiting: number) =>
        `Niemand wird benachrichtigt. Die ${count(confirmed, 'Anmeldung', 'Anmeldungen')} und ${count(waiting, 'Wartende', 'Wartenden')} behalten ihren Stand.`,
    },
    'mark-held': {
      button: 'Als stattgefunden vermerken',
      title: 'Als stattgefunden vermerken?',
      intro: 'Danach lässt sich die Veranstaltung nicht mehr ändern oder absagen.',
      confirm: 'Ja, als stattgefunden vermerken',
      who: 'Niemand wird benachrichtigt.',
      notEnded: (when: string) =>
        `Möglich erst nach dem Ende der Veranstaltung (${when}); danach geschieht es auch von selbst.`,
    },
    cancel: {
      button: 'Absagen',
      title: 'Veranstaltung absagen?',
      intro:
        'Die Absage lässt sich nicht zurücknehmen. Alle Anmeldungen werden storniert; im Portal steht die Veranstaltung mit Ihrer Begründung als abgesagt.',
      reason: 'Begründung',
      reasonHint: 'Steht in der Absage-E-Mail und im Portal, zum Beispiel „Der Referent ist erkrankt.“',
      reasonMissing: 'Bitte geben Sie eine Begründung ein.',
      confirm: 'Ja, absagen',
      who: (confirmed: number, waiting: number, circle: boolean) =>
        confirmed + waiting === 0
          ? 'Niemand ist angemeldet oder wartet: Es wird keine Absage verschickt.'
          : circle
            ? `Jede Person der Delegationen der ${count(confirmed, 'angemeldeten Kommune', 'angemeldeten Kommunen')} und ${count(waiting, 'wartenden Kommune', 'wartenden Kommunen')} erhält eine Absage mit Ihrer Begründung per E-Mail.`
            : `Die ${count(confirmed, 'Angemeldete', 'Angemeldeten')} und ${count(waiting, 'Wartende', 'Wartenden')} erhalten eine Absage mit Ihrer Begründung per E-Mail.`,
      notTold:
        'Wer nur die Ankündigung erhalten oder Interesse bekundet hat, erhält keine E-Mail; abonnierte Kalender entfernen den Termin beim nächsten Abruf.',
      draftNotTold: 'Der Entwurf war für Mitglieder nie sichtbar; niemand wird benachrichtigt.',
    },
  },
} as const;
