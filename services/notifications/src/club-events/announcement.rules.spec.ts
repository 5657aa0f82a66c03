import { ClubEventSnapshot } from '@ic/contracts';
import {
  AnnouncedEvent,
  AnnouncementCandidate,
  isAnnouncementRecipient,
  openedEarly,
  registrationStageOf,
} from './announcement.rules';

const lounge = (overrides: Partial<AnnouncedEvent> = {}): AnnouncedEvent => ({
  kind: 'innovators-lounge',
  audience: 'members',
  announceTo: 'all-members',
  themes: ['Digitalisierung', 'Stadtentwicklung'],
  ...overrides,
});

/** "Kommunen for future": Bavarian municipalities up to 25,000 inhabitants. */
const circle = (overrides: Partial<AnnouncedEvent> = {}): AnnouncedEvent => ({
  kind: 'kommunalzirkel',
  audience: 'target-group',
  announceTo: 'all-members',
  themes: ['Klimaschutz'],
  targetGroup: { federalStates: ['BY'], maxPopulation: 25_000 },
  ...overrides,
});

const member = (overrides: Partial<AnnouncementCandidate> = {}): AnnouncementCandidate => ({
  status: 'active',
  announcementsOptOut: false,
  themes: ['Digitalisierung'],
  ...overrides,
});

/** Pegnitz (Bayern, AGS 09472175), about 13,500 inhabitants. */
const pegnitz = { ags: '09472175', population: 13_500 };

describe(isAnnouncementRecipient.name, () => {
  describe('every event', () => {
    it('goes to active members', () => {
      expect(isAnnouncementRecipient(lounge(), member())).toBe(true);
    });

    it('never goes to members who switched announcements off', () => {
      expect(isAnnouncementRecipient(lounge(), member({ announcementsOptOut: true }))).toBe(false);
      expect(
        isAnnouncementRecipient(circle(), member({ announcementsOptOut: true, municipality: pegnitz })),
      ).toBe(false);
    });

    it.each(['invited', 'inactive'] as const)('never goes to %s contacts', (status) => {
      expect(isAnnouncementRecipient(lounge(), member({ status }))).toBe(false);
      expect(isAnnouncementRecipient(circle(), member({ status, municipality: pegnitz }))).toBe(false);
    });
  });

  describe('announceTo', () => {
    it('all-members: whatever their themes', () => {
      expect(isAnnouncementRecipient(lounge(), member({ themes: [] }))).toBe(true);
    });

    it('matching-themes: only members who share at least one theme with the event', () => {
      const event = lounge({ announceTo: 'matching-themes' });
      expect(isAnnouncementRecipient(event, member({ themes: ['Bildung', 'Stadtentwicklung'] }))).toBe(true);
      expect(isAnnouncementRecipient(event, member({ themes: ['Bildung'] }))).toBe(false);
      expect(isAnnouncementRecipient(event, member({ themes: [] }))).toBe(false);
    });
  });

  describe('Kommunalzirkel', () => {
    it('goes to members from a municipality of the target group', () => {
      expect(isAnnouncementRecipient(circle(), member({ municipality: pegnitz }))).toBe(true);
    });

    it('takes the maximum population as inclusive', () => {
      const atTheLimit = { ags: '09472175', population: 25_000 };
      const above = { ags: '09472175', population: 25_001 };
      expect(isAnnouncementRecipient(circle(), member({ municipality: atTheLimit }))).toBe(true);
      expect(isAnnouncementRecipient(circle(), member({ municipality: above }))).toBe(false);
    });

    it('takes the Land from the municipality key, not from anything else', () => {
      // Kalletal, Nordrhein-Westfalen (AGS 05766040), 13,900 inhabitants: small enough, wrong Land.
      const kalletal = { ags: '05766040', population: 13_900 };
      expect(isAnnouncementRecipient(circle(), member({ municipality: kalletal }))).toBe(false);
      expect(
        isAnnouncementRecipient(
          circle({ targetGroup: { federalStates: ['BY', 'NW'], maxPopulation: 25_000 } }),
          member({ municipality: kalletal }),
        ),
      ).toBe(true);
    });

    it('goes to municipalities of any size when the target group sets no maximum', () => {
      const munich = { ags: '09162000', population: 1_510_000 };
      expect(
        isAnnouncementRecipient(
          circle({ targetGroup: { federalStates: ['BY'] } }),
          member({ municipality: munich }),
        ),
      ).toBe(true);
    });

    it('does not go to members without a municipality', () => {
      expect(isAnnouncementRecipient(circle(), member())).toBe(false);
    });

    it('ignores announceTo and themes: the target group decides', () => {
      const event = circle({ announceTo: 'matching-themes', themes: ['Energie'] });
      expect(isAnnouncementRecipient(event, member({ municipality: pegnitz, themes: ['Bildung'] }))).toBe(
        true,
      );
    });
  });

  it('applies the target group to any event open only to it', () => {
    const event = lounge({
      audience: 'target-group',
      targetGroup: { federalStates: ['BY'], maxPopulation: 25_000 },
    });
    expect(isAnnouncementRecipient(event, member({ municipality: pegnitz }))).toBe(true);
    expect(isAnnouncementRecipient(event, member())).toBe(false);
  });
});

describe(registrationStageOf.name, () => {
  const window = { opensAt: '2027-02-01T09:00:00+01:00', closesAt: '2027-04-08T23:59:00+02:00' };
  const event = (status: ClubEventSnapshot['status']) => ({ status, registration: window });
  const before = new Date('2027-02-01T07:59:59Z');
  const after = new Date('2027-02-01T08:00:00Z');

  it('is ahead while an announced event’s window has not opened, and open from its date on', () => {
    expect(registrationStageOf(event('announced'), before)).toBe('ahead');
    expect(registrationStageOf(event('announced'), after)).toBe('open');
  });

  it('is open when the office opened registration early, whatever date the window names', () => {
    expect(registrationStageOf(event('registration-open'), before)).toBe('open');
  });

  it('is over once registration closed, early or not, and for a held event', () => {
    expect(registrationStageOf(event('registration-closed'), before)).toBe('over');
    expect(registrationStageOf(event('held'), after)).toBe('over');
  });
});

describe(openedEarly.name, () => {
  const window = { opensAt: '2027-02-01T09:00:00+01:00', closesAt: '2027-04-08T23:59:00+02:00' };
  const before = new Date('2027-02-01T07:59:59Z');

  it('is true while registration is open before the window’s date, and only then', () => {
    expect(openedEarly({ status: 'registration-open', registration: window }, before)).toBe(true);
    expect(
      openedEarly({ status: 'registration-open', registration: window }, new Date('2027-02-01T08:00:00Z')),
    ).toBe(false);
    expect(openedEarly({ status: 'announced', registration: window }, before)).toBe(false);
  });
});
