export const MemberMessages = {
  notFound: 'Dieses Mitglied gibt es nicht.',
  erased: 'Die Daten dieses Mitglieds wurden auf Wunsch gelöscht; es bleibt nur eine pseudonyme Kennung.',
  erasureDone:
    'Die personenbezogenen Daten wurden gelöscht. Es bleibt nur eine pseudonyme Kennung für die Statistik; ' +
    'Anmeldungen zu kommenden Veranstaltungen werden storniert, und es gehen keine E-Mails mehr an die Adresse.',
  erasureNotConfirmed:
    'Die Löschung ist nicht bestätigt. Sie lässt sich nicht rückgängig machen; bitte senden Sie confirm: true.',
  erasureBusy:
    'Die Löschung ist gerade nicht möglich, weil noch Änderungen übermittelt werden. Bitte versuchen Sie es in einer Minute erneut.',
  ownMembershipEnded: 'Ihre Mitgliedschaft ist beendet; Änderungen sind nicht mehr möglich.',
  alreadyEnded: 'Diese Mitgliedschaft ist bereits beendet.',
  unsubscribeLinkInvalid:
    'Dieser Abmeldelink ist ungültig. Bitte öffnen Sie den Link direkt aus der E-Mail oder kopieren Sie ihn vollständig.',
} as const;
