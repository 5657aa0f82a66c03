import { renderSignInLinkMail, SIGN_IN_LINK_SUBJECT, SignInLinkMail } from './sign-in-link.template';

const link = 'https://portal.example/anmelden/tokenABC_123-xyz';

const signIn = (overrides: Partial<SignInLinkMail> = {}): SignInLinkMail => ({
  addressee: { salutation: 'Herr', academicTitle: 'Dr.', firstName: 'Jan', lastName: 'Schulz' },
  link,
  expiresAt: new Date('2026-11-25T09:45:00Z'),
  now: new Date('2026-11-25T09:30:00Z'),
  office: { name: 'Innovators Club des DStGB', email: 'innovators-club@dstgb.example' },
  ...overrides,
});

describe(renderSignInLinkMail.name, () => {
  it('addresses the member and puts the link into both parts', () => {
    const sut = renderSignInLinkMail(signIn());

    expect(sut.subject).toBe(SIGN_IN_LINK_SUBJECT);
    expect(sut.text.startsWith('Sehr geehrter Herr Dr. Schulz,\n')).toBe(true);
    expect(sut.html).toContain('Sehr geehrter Herr Dr. Schulz,');
    expect(sut.text).toContain(`\n${link}\n`);
    expect(sut.html).toContain(`href="${link}"`);
  });

  it('says until when the link is valid, in Berlin time, and what to do if it was not asked for', () => {
    const sut = renderSignInLinkMail(signIn());

    for (const part of [sut.text, sut.html]) {
      expect(part).toContain('Der Link gilt bis 10:45 Uhr und lässt sich nur einmal verwenden.');
      expect(part).toContain('Falls Sie keinen Anmeldelink angefordert haben');
      expect(part).toContain('ignorieren');
    }
  });

  it('greets without a gendered form when the member chose none', () => {
    const sut = renderSignInLinkMail(
      signIn({ addressee: { salutation: 'keine', firstName: 'Kim', lastName: 'Berger' } }),
    );

    expect(sut.text.startsWith('Guten Tag Kim Berger,\n')).toBe(true);
  });
});
