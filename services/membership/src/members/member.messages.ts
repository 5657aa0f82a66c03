export const MemberMessages = {
  notFound: 'Dieses Mitglied gibt es nicht.',
  ownMembershipEnded: 'Ihre Mitgliedschaft ist beendet; Änderungen sind nicht mehr möglich.',
  alreadyEnded: 'Diese Mitgliedschaft ist bereits beendet.',
  unsubscribeLinkInvalid:
    'Dieser Abmeldelink ist ungültig. Bitte öffnen Sie den Link direkt aus der E-Mail oder kopieren Sie ihn vollständig.',
} as const;
