import { parseStaffBootstrap } from './bootstrap-staff.usecase';

const entry = {
  email: 'Office@Gemeinde-Lütjenburg.de',
  name: ' Geschäftsstelle ',
  password: 'ein langes Passwort',
};
const bootstrap = (...entries: object[]) => JSON.stringify(entries);

describe(parseStaffBootstrap.name, () => {
  it('takes the address in the form a request stores it, and the password as typed', () => {
    expect(parseStaffBootstrap(bootstrap(entry))).toEqual([
      {
        email: 'office@xn--gemeinde-ltjenburg-v6b.de',
        name: 'Geschäftsstelle',
        password: 'ein langes Passwort',
      },
    ]);
  });

  it.each([
    ['anna..b@kalletal.de', 'hat vor dem @ ein Zeichen, das dort nicht stehen darf'],
    ['jörg@kalletal.de', 'darf vor dem @ nur die Buchstaben a bis z'],
    ['anna@kalletal', 'hat nach dem @ keinen gültigen Domainnamen'],
  ])('refuses the address %s at start-up, saying what is wrong with it', (email, problem) => {
    expect(() => parseStaffBootstrap(bootstrap(entry, { ...entry, email }))).toThrow(
      `STAFF_BOOTSTRAP[1] is invalid: email: email ${problem}`,
    );
  });

  it('names every field it refuses, but never the password', () => {
    const refusal = () =>
      parseStaffBootstrap(bootstrap({ email: 5, name: '', password: 'kurz-geheim', role: 'admin' }));

    expect(refusal).toThrow(
      'STAFF_BOOTSTRAP[0] is invalid: role: Diese Angabe ist hier nicht vorgesehen.; ' +
        'email: email muss eine E-Mail-Adresse sein (ein Text wie name@gemeinde.de).; ' +
        'name: Bitte mindestens 1 Zeichen.; password: Bitte mindestens 12 Zeichen.',
    );
    expect(refusal).not.toThrow(/kurz-geheim/);
  });
});
