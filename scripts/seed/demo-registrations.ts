/**
 * Demo registrations for `npm start`, on the demo events (demo-events.ts) by the demo
 * members (demo-members.ts): the Ulm lounge full with a waiting list, the
 * Deutschlandforum with workshop choices (one workshop overbooked) and a guest, two delegations of
 * Bavarian municipalities in the Kommunalzirkel, and interest in the Kalletal lounge, whose
 * registration opens later. Municipalities are real; every person is invented.
 */
import { DelegationPersonDto, GuestDto, Municipality } from '@ic/contracts';
import { DEMO_MEMBERS, DemoMember } from './demo-members';

const ACTIVE: readonly DemoMember[] = DEMO_MEMBERS.filter((member) => !member.ended);

/** 50 seats: 56 members, so that six wait (places 1–6). */
export const ULM_REGISTRANTS: readonly DemoMember[] = ACTIVE.slice(0, 56);

/** 40 members at the forum; the next ones in the list, so that the two lists differ. */
export const FORUM_REGISTRANTS: readonly DemoMember[] = ACTIVE.slice(56, 96);

/**
 * Workshop choices by title (session ids are the events service's): in the first slot 34 want
 * "Bürgerbeteiligung, die ankommt" (30 seats), so four wait; the second slot is split.
 */
export function forumChoicesOf(index: number): readonly string[] {
  return [
    index < 34 ? 'Bürgerbeteiligung, die ankommt' : 'Daten teilen zwischen Kommunen',
    index % 2 === 0
      ? 'Smarte Region: gemeinsame Plattformen aufbauen'
      : 'Nah bei den Menschen: Verwaltung vor Ort neu denken',
  ];
}

export const FORUM_GUEST: GuestDto = {
  salutation: 'Frau',
  firstName: 'Katrin',
  lastName: 'Vollmer',
  email: 'katrin.vollmer@hs-kehl.example',
  organisation: 'Hochschule für öffentliche Verwaltung Kehl',
};

export interface DemoDelegation {
  readonly municipality: Municipality;
  readonly people: readonly DelegationPersonDto[];
}

/** Two small Bavarian towns in the Kommunalzirkel's target group (Bayern, up to 25,000 inhabitants). */
export const CIRCLE_DELEGATIONS: readonly DemoDelegation[] = [
  {
    municipality: { name: 'Pegnitz', ags: '09472175', population: 13_700 },
    people: [
      {
        salutation: 'Herr',
        firstName: 'Thomas',
        lastName: 'Reichel',
        role: 'mayor',
        email: 'thomas.reichel@pegnitz.example',
      },
      {
        salutation: 'Frau',
        firstName: 'Sabine',
        lastName: 'Höfler',
        role: 'administration',
        email: 'sabine.hoefler@pegnitz.example',
      },
      {
        salutation: 'Herr',
        firstName: 'Lukas',
        lastName: 'Meißner',
        role: 'civil-society',
        email: 'lukas.meissner@buergerenergie-pegnitz.example',
      },
    ],
  },
  {
    municipality: { name: 'Hersbruck', ags: '09574132', population: 12_800 },
    people: [
      {
        salutation: 'Frau',
        firstName: 'Andrea',
        lastName: 'Lindner',
        role: 'mayor',
        email: 'andrea.lindner@hersbruck.example',
      },
      {
        salutation: 'Herr',
        firstName: 'Jonas',
        lastName: 'Pfister',
        role: 'administration',
        email: 'jonas.pfister@hersbruck.example',
      },
    ],
  },
];

/** Members from Nordrhein-Westfalen interested in the Kalletal lounge before its registration opens. */
export const KALLETAL_INTERESTED: readonly DemoMember[] = ACTIVE.filter(
  (member) => member.profile.federalState === 'NW',
).slice(0, 4);
