import { checkEmailAddress, EMAIL_ADDRESS_PATTERN } from './email-address';

describe('e-mail addresses as the pattern of the API document', () => {
  const pattern = new RegExp(EMAIL_ADDRESS_PATTERN, 'u');

  it.each([
    'anna.beispiel@kalletal.de',
    'Anna.Beispiel@Kalletal.DE',
    "o'neill+club@stadt.example",
    `${'a'.repeat(70)}@gemeinde.de`,
  ])('matches %s, which the check takes', (address) => {
    expect({ matches: pattern.test(address), taken: checkEmailAddress(address).ok }).toEqual({
      matches: true,
      taken: true,
    });
  });

  it.each(['anna..b@kalletal.de', '"anna"@kalletal.de', 'jörg@kalletal.de', 'anna@kalletal', 'anna@-x.de'])(
    'does not match %s, which the check refuses',
    (address) => {
      expect({ matches: pattern.test(address), taken: checkEmailAddress(address).ok }).toEqual({
        matches: false,
        taken: false,
      });
    },
  );

  it('leaves out a domain with umlauts, which the check takes in its ASCII form', () => {
    expect(pattern.test('anna@gemeinde-lütjenburg.de')).toBe(false);
    expect(checkEmailAddress('anna@gemeinde-lütjenburg.de')).toEqual({
      ok: true,
      address: 'anna@xn--gemeinde-ltjenburg-v6b.de',
    });
  });
});
