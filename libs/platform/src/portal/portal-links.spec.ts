import { eventPageLink, eventPagePath, portalLink } from './portal-links';

const eventId = '8d1c0f3e-4b7a-4c2e-9f51-3a6b2c1d0e97';

describe(eventPageLink.name, () => {
  it('leads to the event page of the portal, with or without a slash at the end of the base URL', () => {
    expect(eventPageLink('https://portal.example', eventId)).toBe(
      `https://portal.example/veranstaltungen/${eventId}`,
    );
    expect(eventPageLink('http://127.0.0.1:3000//', eventId)).toBe(
      `http://127.0.0.1:3000/veranstaltungen/${eventId}`,
    );
  });
});

describe(eventPagePath.name, () => {
  it('keeps an id that is not a UUID inside its path segment', () => {
    expect(eventPagePath('a/b?c')).toBe('/veranstaltungen/a%2Fb%3Fc');
  });
});

describe(portalLink.name, () => {
  it('puts a portal path after the base URL', () => {
    expect(portalLink('https://portal.example/', '/start')).toBe('https://portal.example/start');
  });
});
