import { MembershipRequests } from '@ic/contracts';
import { NotFoundError, RemoteProblemError } from '@ic/platform';
import { GatewayTestApp, startGatewayTestApp } from '../testing/gateway-test-app';
import { LinkPagesController } from './link-pages.controller';

const MALFORMED_TOKEN = 'Tok_en-'.repeat(6) + 'x';
const UNSUBSCRIBE_TOKEN = `5b0f7a52-3c1e-4d7e-9a51-0f6f1c2b8a10.${'Ab_-'.repeat(10)}xyz`;
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

describe(LinkPagesController.name, () => {
  let sut: GatewayTestApp;

  beforeEach(async () => {
    sut = await startGatewayTestApp();
    sut.rpc.answer(MembershipRequests.unsubscribeAnnouncements, () => ({ unsubscribed: true }));
  });

  afterEach(() => sut.close());

  describe('unsubscribe', () => {
    it('only shows a button when the link is opened: a GET never unsubscribes', async () => {
      const response = await sut.request(`/abmelden/${UNSUBSCRIBE_TOKEN}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(response.text).toContain(`<form method="post" action="/abmelden/${UNSUBSCRIBE_TOKEN}">`);
      expect(response.text).toContain('Ankündigungen abbestellen');
      expect(sut.rpc.sent).toHaveLength(0);
    });

    it('unsubscribes on the button, with the key of the page, and confirms it', async () => {
      const page = await sut.request(`/abmelden/${UNSUBSCRIBE_TOKEN}`);
      const requestKey = /name="requestKey" value="([^"]+)"/.exec(page.text)?.[1] ?? '';
      const response = await sut.request(`/abmelden/${UNSUBSCRIBE_TOKEN}`, {
        method: 'POST',
        headers: FORM,
        body: `requestKey=${requestKey}`,
      });
      expect(response.status).toBe(200);
      expect(response.text).toContain('Sie erhalten keine Ankündigungen mehr');
      expect(sut.rpc.sentTo(MembershipRequests.unsubscribeAnnouncements)[0]).toMatchObject({
        payload: { token: UNSUBSCRIBE_TOKEN },
        options: { idempotencyKey: requestKey },
      });
    });

    it("takes a mail program's one-click POST (RFC 8058)", async () => {
      const response = await sut.request(`/abmelden/${UNSUBSCRIBE_TOKEN}`, {
        method: 'POST',
        headers: FORM,
        body: 'List-Unsubscribe=One-Click',
      });
      expect(response.status).toBe(200);
      expect(sut.rpc.sentTo(MembershipRequests.unsubscribeAnnouncements)[0]?.payload).toEqual({
        token: UNSUBSCRIBE_TOKEN,
      });
    });

    it('takes the one-click POST also as multipart/form-data, the other encoding RFC 8058 allows', async () => {
      const body = new FormData();
      body.set('List-Unsubscribe', 'One-Click');
      const response = await fetch(`${sut.url}/abmelden/${UNSUBSCRIBE_TOKEN}`, { method: 'POST', body });
      expect(response.status).toBe(200);
      expect(sut.rpc.sentTo(MembershipRequests.unsubscribeAnnouncements)).toHaveLength(1);
    });

    it('refuses a form with anything else (400)', async () => {
      const response = await sut.request(`/abmelden/${UNSUBSCRIBE_TOKEN}`, {
        method: 'POST',
        headers: FORM,
        body: 'List-Unsubscribe=Alles',
      });
      expect(response.status).toBe(400);
      expect(sut.rpc.sent).toHaveLength(0);
    });

    it('asks no service for a token that cannot be one, and explains a refused one', async () => {
      const malformed = await sut.request(`/abmelden/${MALFORMED_TOKEN}`, {
        method: 'POST',
        headers: FORM,
        body: '',
      });
      expect(malformed.status).toBe(404);
      expect(sut.rpc.sent).toHaveLength(0);

      sut.rpc.answer(MembershipRequests.unsubscribeAnnouncements, () => {
        throw new RemoteProblemError(new NotFoundError('Dieser Abmeldelink ist ungültig.').toProblem());
      });
      const refused = await sut.request(`/abmelden/${UNSUBSCRIBE_TOKEN}`, {
        method: 'POST',
        headers: FORM,
        body: '',
      });
      expect(refused.status).toBe(404);
      expect(refused.text).toContain('Dieser Abmeldelink ist ungültig.');
      expect(refused.text).toContain('in Ihrem Profil abbestellen');
    });
  });
});
