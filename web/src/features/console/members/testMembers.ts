import type { Member } from './api';

/** A member as the office gets them, for the section's component tests. */
export function memberRecord(index: number, change: Partial<Member> = {}): Member {
  return {
    id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    status: 'active',
    salutation: 'Frau',
    firstName: `Anna ${index}`,
    lastName: 'Muster',
    email: `anna${index}@lemgo.example`,
    organisation: 'Stadt Lemgo',
    officeTitle: 'Bürgermeisterin',
    sector: 'Kommune',
    federalState: 'NW',
    municipality: { name: 'Lemgo', ags: '05766044', population: 40000 },
    themes: ['Digitalisierung'],
    workingGroups: ['digitales'],
    joinedAt: '2026-11-21T10:00:00.000Z',
    announcementsOptOut: false,
    ...change,
  };
}
