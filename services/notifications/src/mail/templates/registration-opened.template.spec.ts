import { circle, lounge, office } from '../../testing/registration-factories';
import { renderRegistrationOpenedMail } from './registration-opened.template';

describe(renderRegistrationOpenedMail.name, () => {
  it('tells a member who declared interest that registration is open, and until when', () => {
    const sut = renderRegistrationOpenedMail({
      addressee: { salutation: 'Herr', officeTitle: 'Landrat', firstName: 'Jonas', lastName: 'Meier' },
      event: lounge(),
      office,
    });

    expect(sut.subject).toBe('Anmeldung geöffnet: Innovators Lounge Ulm: Die smarte Stadt im Alltag');
    expect(sut.text).toMatch(
      /^Sehr geehrter Herr Landrat Meier,\n\nSie haben Interesse an der folgenden Veranstaltung bekundet\. Die Anmeldung ist jetzt geöffnet, und wir sagen es Ihnen zuerst:/,
    );
    expect(sut.text).toContain('Sie können sich bis Samstag, 19. Oktober 2030, 23:59 Uhr anmelden.');
    expect(sut.text).toContain(
      'Wann: Samstag, 26. Oktober 2030, 09:30 Uhr bis Sonntag, 27. Oktober 2030, 16:00 Uhr',
    );
    expect(sut.attachments).toBeUndefined();
  });

  it('tells the contact of a municipality how many people it can register', () => {
    const sut = renderRegistrationOpenedMail({
      addressee: { salutation: 'keine', firstName: 'Anna', lastName: 'Vogel' },
      event: circle(),
      municipality: { name: 'Pegnitz' },
      office,
    });

    expect(sut.subject).toBe(
      'Anmeldung geöffnet: Kommunalzirkel „Kommunen for future – Wandel vor Ort gestalten“',
    );
    expect(sut.text).toMatch(
      /^Guten Tag Anna Vogel,\n\ndie Kommune Pegnitz hat Interesse an der folgenden Veranstaltung bekundet\./,
    );
    expect(sut.text).toContain(
      'Ihre Kommune kann bis Samstag, 19. Oktober 2030, 23:59 Uhr eine Delegation von bis zu 3 Personen anmelden.',
    );
  });
});
