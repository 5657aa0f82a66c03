import { calendarFeedLink, clubOfficeFrom, mailLink } from './club-office';

describe(clubOfficeFrom.name, () => {
  it('reads name, address and domain from MAIL_FROM', () => {
    expect(clubOfficeFrom('Innovators Club des DStGB <innovators-club@DStGB.example>')).toEqual({
      name: 'Innovators Club des DStGB',
      email: 'innovators-club@DStGB.example',
      domain: 'dstgb.example',
    });
    expect(clubOfficeFrom('"Innovators Club" <ic@dstgb.example>').name).toBe('Innovators Club');
  });

  it('refuses a sender without address', () => {
    expect(() => clubOfficeFrom('Innovators Club')).toThrow('MAIL_FROM must look like');
  });
});

describe(mailLink.name, () => {
  it('joins base URL, path and token, with or without a trailing slash', () => {
    expect(mailLink('https://portal.example/', 'einladung', 'abc_-1')).toBe(
      'https://portal.example/einladung/abc_-1',
    );
    expect(mailLink('http://127.0.0.1:3000', 'anmelden', 'abc')).toBe('http://127.0.0.1:3000/anmelden/abc');
  });
});

describe(calendarFeedLink.name, () => {
  it('points to the public calendar feed of the API', () => {
    expect(calendarFeedLink('https://portal.example/')).toBe('https://portal.example/api/v1/calendar.ics');
  });
});
