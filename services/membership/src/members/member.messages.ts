export const MemberMessages = {
  notFound: 'Dieses Mitglied gibt es nicht.',
  ownMembershipEnded: 'Ihre Mitgliedschaft ist beendet; Änderungen sind nicht mehr möglich.',
  alreadyEnded: 'Diese Mitgliedschaft ist bereits beendet.',
} as const;
