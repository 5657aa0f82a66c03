/** Texts of the auth pages: asking for a sign-in link, signing in with it, answering an invitation. */
export const auth = {
  request: {
    title: 'Anmelden',
    lead: 'Für Mitglieder des Innovators Club – ohne Passwort.',
    intro:
      'Geben Sie die E-Mail-Adresse ein, unter der Sie Mitglied sind. Wir senden Ihnen einen Anmeldelink; ein Klick darauf meldet Sie an.',
    email: 'Ihre E-Mail-Adresse',
    emailHint: 'Zum Beispiel vorname.nachname@gemeinde.de',
    emailMissing: 'Bitte geben Sie Ihre E-Mail-Adresse ein.',
    emailInvalid:
      'Bitte geben Sie eine vollständige E-Mail-Adresse ein, zum Beispiel vorname.nachname@gemeinde.de.',
    submit: 'Anmeldelink anfordern',
    submitting: 'Wird gesendet …',
    sent: {
      title: 'Bitte sehen Sie in Ihr Postfach',
      text: (email: string) =>
        `Wenn die Adresse ${email} bei uns bekannt ist, erhalten Sie in wenigen Minuten eine E-Mail mit einem Anmeldelink. Der Link gilt 15 Minuten und nur einmal.`,
      noMailHeading: 'Keine E-Mail angekommen?',
      noMail: [
        'Sehen Sie bitte auch im Ordner für unerwünschte E-Mails (Spam) nach.',
        'Prüfen Sie, ob Sie die Adresse verwendet haben, unter der Sie Mitglied sind.',
        'Nach einigen Minuten können Sie einen neuen Link anfordern. Bleibt die E-Mail weiter aus, wenden Sie sich bitte an die Geschäftsstelle des Innovators Club.',
      ],
      again: 'Neuen Anmeldelink anfordern',
      home: 'Zur Startseite',
    },
    alreadySignedIn: {
      title: 'Sie sind bereits angemeldet',
      text: 'Auf diesem Gerät sind Sie schon angemeldet.',
      onward: 'Weiter',
      start: 'Zu Ihrer Übersicht',
      staffText: 'Auf diesem Gerät sind Sie als Geschäftsstelle angemeldet.',
      events: 'Zu den Veranstaltungen',
    },
    notMember: {
      heading: 'Noch kein Mitglied?',
      text: 'Mitglied im Innovators Club wird man durch Berufung des Deutschen Städte- und Gemeindebundes. Wenn Sie eingeladen wurden, öffnen Sie bitte den Link aus Ihrer Einladung.',
      home: 'Mehr über den Innovators Club',
    },
  },
  link: {
    title: 'Anmelden beim Innovators Club',
    intro:
      'Sie haben einen Anmeldelink angefordert. Mit einem Klick auf „Jetzt anmelden“ sind Sie auf diesem Gerät angemeldet.',
    stay: 'Sie bleiben auf diesem Gerät angemeldet, bis Sie sich abmelden.',
    submit: 'Jetzt anmelden',
    submitting: 'Anmeldung läuft …',
    failedTitle: 'Anmeldung nicht möglich',
    failedAdvice:
      'Fordern Sie einfach einen neuen Anmeldelink an. Jeder Link gilt nur einmal und nur 15 Minuten.',
    requestNew: 'Neuen Anmeldelink anfordern',
    home: 'Zur Startseite',
  },
  invitation: {
    title: 'Ihre Berufung in den Innovators Club',
    loading: 'Ihre Einladung wird geladen …',
    invitationText:
      'der Deutsche Städte- und Gemeindebund lädt Sie ein, Mitglied im Innovators Club zu werden – der kommunalen Ideenschmiede, in der sich Kommunen, Politik, Wirtschaft, Wissenschaft und Zivilgesellschaft auf Augenhöhe begegnen.',
    facts: {
      invites: 'Es lädt ein',
      inviter: 'Der Deutsche Städte- und Gemeindebund mit der Geschäftsstelle des Innovators Club',
      invited: 'Eingeladen ist',
      organisation: 'Organisation',
      validUntil: 'Antwort bis',
    },
    messageHeading: 'Persönliche Nachricht',
    accept: {
      heading: 'Zusagen',
      text: 'Mit Ihrer Zusage werden Sie Mitglied und sind auf diesem Gerät gleich angemeldet. Ein Passwort brauchen Sie nicht: Später melden Sie sich mit einem Link per E-Mail an.',
      submit: 'Zusagen',
      submitting: 'Zusage wird gesendet …',
      signingIn: 'Vielen Dank für Ihre Zusage! Sie werden angemeldet …',
    },
    decline: {
      heading: 'Absagen',
      text: 'Wenn Sie nicht Mitglied werden möchten, sagen Sie bitte ab. Einen Grund zu nennen ist freiwillig.',
      reason: 'Möchten Sie uns einen Grund nennen?',
      reasonHint: 'Höchstens 2.000 Zeichen.',
      submit: 'Absagen',
      confirmTitle: 'Einladung wirklich absagen?',
      confirmText:
        'Mit der Absage verfällt Ihre Einladung. Wenn Sie es sich später anders überlegen, wenden Sie sich bitte an die Geschäftsstelle.',
      confirm: 'Ja, absagen',
      confirming: 'Absage wird gesendet …',
    },
    declined: {
      title: 'Ihre Absage ist angekommen',
      text: 'Schade, dass Sie nicht dabei sein können. Vielen Dank für Ihre Rückmeldung.',
      later:
        'Sollten Sie es sich anders überlegen, wenden Sie sich gern an die Geschäftsstelle des Innovators Club.',
    },
    closed: {
      accepted: {
        title: 'Sie haben bereits zugesagt',
        text: 'Diese Einladung haben Sie schon angenommen. Sie sind Mitglied im Innovators Club. Melden Sie sich mit Ihrer E-Mail-Adresse an.',
      },
      declined: {
        title: 'Sie haben bereits abgesagt',
        text: 'Diese Einladung haben Sie abgelehnt. Wenn Sie es sich anders überlegt haben, wenden Sie sich bitte an die Geschäftsstelle des Innovators Club.',
      },
      revoked: {
        title: 'Diese Einladung gilt nicht mehr',
        text: 'Die Geschäftsstelle hat diese Einladung zurückgezogen. Bei Fragen wenden Sie sich bitte an die Geschäftsstelle des Innovators Club.',
      },
      expired: {
        title: 'Diese Einladung ist abgelaufen',
        text: (date: string) =>
          `Die Einladung galt bis ${date}. Die Geschäftsstelle des Innovators Club sendet Ihnen gern eine neue.`,
      },
    },
    notFound: {
      title: 'Einladung nicht gefunden',
      text: 'Dieser Einladungslink ist ungültig oder unvollständig. Bitte öffnen Sie den Link direkt aus der E-Mail oder kopieren Sie ihn vollständig.',
    },
    signIn: 'Zur Anmeldung',
    home: 'Mehr über den Innovators Club',
  },
} as const;
