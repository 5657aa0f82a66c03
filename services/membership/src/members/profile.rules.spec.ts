import { exampleProfile, MemberProfile } from '@ic/contracts';
import { RuleViolationError } from '@ic/platform';
import { applyProfilePatch, assertValidProfile, profileProblems } from './profile.rules';

const profile = (overrides: Partial<MemberProfile> = {}): MemberProfile => ({
  ...exampleProfile,
  ...overrides,
});

describe('profile rules', () => {
  describe(profileProblems.name, () => {
    it('accepts a municipal member with a matching municipality key', () => {
      expect(profileProblems(profile())).toEqual([]);
    });

    it('requires the municipality for the sector Kommune only', () => {
      expect(profileProblems(profile({ municipality: undefined }))).toEqual([
        { field: 'municipality', message: expect.stringContaining('Sektor Kommune') },
      ]);
      expect(profileProblems(profile({ sector: 'Wirtschaft', municipality: undefined }))).toEqual([]);
    });

    it('names municipality.ags when the key belongs to another Land or to none', () => {
      const bavarian = profile({ municipality: { name: 'Kalletal', ags: '09766040', population: 13_900 } });
      expect(profileProblems(bavarian)).toEqual([
        {
          field: 'municipality.ags',
          message: expect.stringContaining('gehört zu Bayern, nicht zu Nordrhein-Westfalen'),
        },
      ]);
      const nowhere = profile({ municipality: { name: 'Kalletal', ags: '17766040', population: 13_900 } });
      expect(profileProblems(nowhere)).toEqual([
        { field: 'municipality.ags', message: expect.stringContaining('01 bis 16') },
      ]);
    });

    it('refuses populations no German municipality has', () => {
      for (const population of [0, 4_000_001]) {
        const problems = profileProblems(
          profile({ municipality: { name: 'Kalletal', ags: '05766040', population } }),
        );
        expect(problems).toEqual([{ field: 'municipality.population', message: expect.any(String) }]);
      }
      expect(
        profileProblems(
          profile({
            federalState: 'BE',
            municipality: { name: 'Berlin', ags: '11000000', population: 3_878_000 },
          }),
        ),
      ).toEqual([]);
    });
  });

  describe(assertValidProfile.name, () => {
    it('throws a 422 that names the fields', () => {
      expect(() => assertValidProfile(profile({ municipality: undefined }))).toThrow(
        new RuleViolationError('Die Anfrage enthält ungültige Felder: municipality.'),
      );
    });
  });

  describe(applyProfilePatch.name, () => {
    it('changes the given fields and reports only those whose value really changed', () => {
      const sut = applyProfilePatch(profile(), {
        phone: '+49 5264 644-0',
        themes: ['Klimaschutz', 'Digitalisierung'],
        lastName: 'Beispiel',
      });
      expect(sut.changedFields).toEqual(['phone']);
      expect(sut.profile).toMatchObject({ phone: '+49 5264 644-0', lastName: 'Beispiel' });
    });

    it('clears optional fields with null (and the biography with an empty text)', () => {
      const sut = applyProfilePatch(profile({ biography: 'Alt' }), { officeTitle: null, biography: '' });
      expect(sut.changedFields).toEqual(['officeTitle', 'biography']);
      expect(sut.profile).not.toHaveProperty('officeTitle');
      expect(sut.profile).not.toHaveProperty('biography');
    });

    it('refuses to clear a required field', () => {
      expect(() => applyProfilePatch(profile(), { lastName: null, themes: null })).toThrow(
        RuleViolationError,
      );
    });

    it('reports nothing for an empty patch', () => {
      expect(applyProfilePatch(profile(), {}).changedFields).toEqual([]);
    });
  });
});
