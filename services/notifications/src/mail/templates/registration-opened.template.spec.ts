import { buttonsOf } from '../../testing/mail-buttons';
import { circle, eventPageOf, lounge, office } from '../../testing/registration-factories';
import { renderRegistrationOpenedMail } from './registration-opened.template';

const unsubscribeLink =
  'https://portal.example/abmelden/5b0f7a52-3c1e-4d7e-9a51-0f6f1c2b8a10.Gf1x2yZ_-abcdefghijklmnopqrstuvwxyz0123456';
const meier = { salutation: 'Herr', officeTitle: 'Landrat', firstName: 'Jonas', lastName: 'Meier' } as const;

describe(renderRegistrationOpenedMail.name, () => {
  describe('to a member who declared interest', () => {
    const sut = renderRegistrationOpenedMail({
      reason: 'interest',
      addressee: meier,
      event: lounge(),
      early: false,
      eventPage: eventPageOf(lounge().eventId),
      office,
    });

    it('tells them registration is open, and until when', () => {
      expect(sut.subject).toBe('Anmeldung geöffnet: Innovators Lounge Ulm: Die smarte Stadt im Alltag');
      expect(sut.text).toMatch(
        /^Sehr geehrter Herr Landrat Meier,\n\nSie haben Interesse an der folgenden Veranstaltung bekundet\. Die Anmeldung ist jetzt geöffnet:/,
      );
      expect(sut.text).toContain(
        'Sie können sich bis Samstag, 19. Oktober 2030, 23:59 Uhr anmelden. Die Plätze werden in der Reihenfolge der Anmeldungen vergeben.',
      );
      expect(sut.text).toContain(
        'Wann: Samstag, 26. Oktober 2030, 09:30 Uhr bis Sonntag, 27. Oktober 2030, 16:00 Uhr',
      );
      expect(sut.attachments).toBeUndefined();
    });

    it('leads to the event page with "Jetzt anmelden", in both parts', () => {
      expect(buttonsOf(sut)).toEqual([{ label: 'Jetzt anmelden', link: eventPageOf(lounge().eventId) }]);
      expect(sut.text).toContain(
        'Sie melden sich im Mitgliederbereich an, auf der Seite der Veranstaltung:\n' +
          `Jetzt anmelden: ${eventPageOf(lounge().eventId)}`,
      );
    });

    it('is not one of the announcements a member can switch off', () => {
      expect(sut.headers).toBeUndefined();
      expect(sut.text).not.toContain('/abmelden/');
    });

    it('names no opening date, and says so when the office opened registration early', () => {
      const early = renderRegistrationOpenedMail({
        reason: 'interest',
        addressee: meier,
        event: lounge(),
        early: true,
        eventPage: eventPageOf(lounge().eventId),
        office,
      });

      expect(early.text).toContain(
        'Sie haben Interesse an der folgenden Veranstaltung bekundet. Die Geschäftsstelle hat die Anmeldung früher als angekündigt geöffnet:',
      );
      for (const mail of [sut, early]) expect(mail.text).not.toContain('1. Februar 2030');
    });
  });

  describe('for a municipality', () => {
    it('tells the contact the office named how many people the municipality can send, and that the office registers them', () => {
      const sut = renderRegistrationOpenedMail({
        reason: 'interest',
        addressee: { salutation: 'keine', firstName: 'Anna', lastName: 'Vogel' },
        event: circle(),
        early: false,
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
      expect(sut.text).toContain(
        'Die Anmeldung Ihrer Kommune nimmt die Geschäftsstelle vor: Schreiben Sie ihr bitte an innovators-club@dstgb.example, wer teilnehmen soll.',
      );
      expect(buttonsOf(sut)).toEqual([]);
    });

    it('leads the member who declared it to the event page to register the delegation', () => {
      const sut = renderRegistrationOpenedMail({
        reason: 'interest',
        addressee: meier,
        event: circle(),
        early: false,
        municipality: { name: 'Pegnitz' },
        eventPage: eventPageOf(circle().eventId),
        office,
      });

      expect(sut.text).toContain(
        'Die Delegation melden Sie im Mitgliederbereich an, auf der Seite der Veranstaltung:',
      );
      expect(buttonsOf(sut)).toEqual([{ label: 'Jetzt anmelden', link: eventPageOf(circle().eventId) }]);
    });
  });

  describe('to a member the event was announced to', () => {
    const announced = (early: boolean, event = lounge()) =>
      renderRegistrationOpenedMail({
        reason: 'announced',
        addressee: meier,
        event,
        early,
        eventPage: eventPageOf(event.eventId),
        unsubscribeLink,
        office,
      });

    it('says registration opened, early when the office opened it before the announced date', () => {
      expect(announced(false).text).toMatch(
        /^Sehr geehrter Herr Landrat Meier,\n\nwir haben Ihnen die folgende Veranstaltung angekündigt\. Die Anmeldung ist jetzt geöffnet:/,
      );
      expect(announced(true).text).toContain(
        'wir haben Ihnen die folgende Veranstaltung angekündigt. Die Geschäftsstelle hat die Anmeldung früher als angekündigt geöffnet:',
      );
      expect(announced(true).html).toContain(
        'Die Geschäftsstelle hat die Anmeldung früher als angekündigt geöffnet:',
      );
      expect(announced(true).text).not.toContain('1. Februar 2030');
    });

    it('leads to the event page with "Jetzt anmelden"', () => {
      expect(buttonsOf(announced(false))).toEqual([
        { label: 'Jetzt anmelden', link: eventPageOf(lounge().eventId) },
      ]);
    });

    it('can be switched off with the announcements: the unsubscribe link in the footer and the headers', () => {
      const sut = announced(false);

      expect(sut.headers).toEqual({
        'List-Unsubscribe': `<${unsubscribeLink}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      });
      const footer = sut.text.slice(sut.text.indexOf('\n-- \n'));
      expect(footer).toContain(
        'Sie erhalten diese Nachricht als Mitglied des Innovators Club, weil wir Ihnen die Veranstaltung angekündigt haben.',
      );
      expect(footer).toContain(`\n${unsubscribeLink}\n`);
      expect(sut.html).toContain(`href="${unsubscribeLink}"`);
    });

    it('speaks of the municipality’s delegation for a Kommunalzirkel', () => {
      const sut = announced(false, circle());

      expect(sut.text).toContain(
        'Ihre Kommune kann bis Samstag, 19. Oktober 2030, 23:59 Uhr eine Delegation von bis zu 3 Personen anmelden.',
      );
    });
  });
});
