import { OperationsStaff } from './operations-staff';

describe(OperationsStaff.name, () => {
  describe('fromEnv', () => {
    it('grants the listed addresses, whatever their case and spacing, and no other', () => {
      const sut = OperationsStaff.fromEnv(' Betrieb@Stadt.example , it@dstgb.example ');

      expect(sut.grants('betrieb@stadt.example')).toBe(true);
      expect(sut.grants('IT@dstgb.example')).toBe(true);
      expect(sut.grants('geschaeftsstelle@dstgb.example')).toBe(false);
    });

    it('grants nobody when unset or empty', () => {
      expect(OperationsStaff.fromEnv(undefined).grants('it@dstgb.example')).toBe(false);
      expect(OperationsStaff.fromEnv('').grants('it@dstgb.example')).toBe(false);
    });

    it('stops the service on an entry that is no address, naming it', () => {
      expect(() => OperationsStaff.fromEnv('it@dstgb.example,betrieb')).toThrow(
        'STAFF_OPERATIONS: "betrieb" is not an e-mail address',
      );
    });
  });
});
