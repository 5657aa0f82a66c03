export const WorkingGroupMessages = {
  notFound: 'Diese Arbeitsgruppe gibt es nicht.',
  membershipEnded: 'Die Mitgliedschaft dieser Person ist beendet; sie kann keiner Arbeitsgruppe beitreten.',
} as const;
