import { MembershipRequests } from '@ic/contracts';
import {
  NotFoundError,
  RemoteProblemError,
  RuleViolationError,
  UnauthenticatedError,
  UpstreamTimeoutError,
} from '@ic/platform';
import { GatewayTestApp, startGatewayTestApp } from '../testing/gateway-test-app';
import { newAccessTokenReply, newPreviewReply } from '../testing/reply-factories';
import { LinkPagesController } from './link-pages.controller';

const TOKEN = 'Tok_en-'.repeat(6) + 'x';
const UNSUBSCRIBE_TOKEN = `5b0f7a52-3c1e-4d7e-9a51-0f6f1c2b8a10.${'Ab_-'.repeat(10)}xyz`;
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

describe(LinkPagesController.name, () => {
  let sut: GatewayTestApp;

  beforeEach(async () => {
    sut = await startGatewayTestApp();
    sut.rpc
      .answer(MembershipRequests.previewInvitation, () => newPreviewReply({ firstName: 'Anna <Test>' }))
      .answer(MembershipRequests.acceptInvitation, () => ({ memberId: 'member-1' }))
      .answer(MembershipRequests.declineInvitation, () => ({ declined: true }))
      .answer(MembershipRequests.redeemSignInLink, () => newAccessTokenReply({ accessToken: 'a.b.c' }))
      .answer(MembershipRequests.unsubscribeAnnouncements, () => ({ unsubscribed: true }));
  });

  afterEach(() => sut.close());

  describe('invitation', () => {
    it('shows the invitation as an escaped HTML page with strict headers, changing nothing', async () => {
      const response = await sut.request(`/einladung/${TOKEN}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.text).toContain('Anna &lt;Test&gt;');
      expect(response.text).toContain(`action="/einladung/${TOKEN}/zusagen"`);
      expect(sut.rpc.sentTo(MembershipRequests.previewInvitation)[0]?.payload).toEqual({ token: TOKEN });
      expect(sut.rpc.sentTo(MembershipRequests.acceptInvitation)).toHaveLength(0);
    });

    it('accepts through the form, using the key of the page so a second click acts once', async () => {
      const page = await sut.request(`/einladung/${TOKEN}`);
      const requestKey = /name="requestKey" value="([^"]+)"/.exec(page.text)?.[1] ?? '';
      const response = await sut.request(`/einladung/${TOKEN}/zusagen`, {
        method: 'POST',
        headers: FORM,
        body: `requestKey=${requestKey}`,
      });
      expect(response.status).toBe(200);
      expect(response.text).toContain('Herzlich willkommen im Innovators Club!');
      expect(sut.rpc.sentTo(MembershipRequests.acceptInvitation)[0]).toMatchObject({
        payload: { token: TOKEN },
        options: { idempotencyKey: requestKey },
      });
    });

    it('declines through the form, with the reason if one was given', async () => {
      await sut.request(`/einladung/${TOKEN}/absagen`, {
        method: 'POST',
        headers: FORM,
        body: 'requestKey=key-12345678&reason=',
      });
      await sut.request(`/einladung/${TOKEN}/absagen`, {
        method: 'POST',
        headers: FORM,
        body: 'requestKey=key-87654321&reason=Keine+Zeit+%3Cleider%3E',
      });
      expect(sut.rpc.sentTo(MembershipRequests.declineInvitation).map((request) => request.payload)).toEqual([
        { token: TOKEN },
        { token: TOKEN, reason: 'Keine Zeit <leider>' },
      ]);
    });

    it("shows the service's reason when the link no longer works, with its status", async () => {
      sut.rpc.answer(MembershipRequests.acceptInvitation, () => {
        throw new RemoteProblemError(
          new RuleViolationError('Diese Einladung ist abgelaufen. <Bitte> melden Sie sich.').toProblem(
            'corr-7',
          ),
        );
      });
      const response = await sut.request(`/einladung/${TOKEN}/zusagen`, {
        method: 'POST',
        headers: FORM,
        body: '',
      });
      expect(response.status).toBe(422);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.text).toContain('Dieser Link gilt nicht mehr');
      expect(response.text).toContain('Diese Einladung ist abgelaufen. &lt;Bitte&gt; melden Sie sich.');
      expect(response.text).toContain('corr-7');
    });

    it('says an unknown link is invalid (404)', async () => {
      sut.rpc.answer(MembershipRequests.previewInvitation, () => {
        throw new RemoteProblemError(new NotFoundError('Diese Einladung kennen wir nicht.').toProblem());
      });
      const response = await sut.request(`/einladung/${TOKEN}`);
      expect(response.status).toBe(404);
      expect(response.text).toContain('Dieser Link ist ungültig');
    });

    it('asks no service for a token that cannot be one', async () => {
      const response = await sut.request('/einladung/%3Cscript%3E');
      expect(response.status).toBe(404);
      expect(response.text).not.toContain('<script>');
      expect(sut.rpc.sent).toHaveLength(0);
    });

    it('asks to try again later when the service does not answer', async () => {
      sut.rpc.answer(MembershipRequests.previewInvitation, () => {
        throw new UpstreamTimeoutError('Der Dienst „membership“ hat nicht rechtzeitig geantwortet.');
      });
      const response = await sut.request(`/einladung/${TOKEN}`);
      expect(response.status).toBe(504);
      expect(response.text).toContain('Bitte versuchen Sie es in einigen Minuten erneut.');
    });
  });

  describe('sign-in', () => {
    it('only shows a button when the link is opened: a GET never uses the link up', async () => {
      const response = await sut.request(`/anmelden/${TOKEN}`);
      expect(response.status).toBe(200);
      expect(response.text).toContain(`<form method="post" action="/anmelden/${TOKEN}">`);
      expect(response.text).toContain('Jetzt anmelden');
      expect(sut.rpc.sent).toHaveLength(0);
    });

    it('redeems the link on the button and shows the access token', async () => {
      const response = await sut.request(`/anmelden/${TOKEN}`, {
        method: 'POST',
        headers: FORM,
        body: 'requestKey=key-12345678',
      });
      expect(response.status).toBe(200);
      expect(response.text).toContain('Sie sind angemeldet');
      // A newline right after <textarea> is not part of its value.
      expect(response.text).toMatch(/<textarea[^>]*>\n?a\.b\.c<\/textarea>/);
      expect(response.text).toContain('href="/api/docs"');
      expect(sut.rpc.sentTo(MembershipRequests.redeemSignInLink)[0]).toMatchObject({
        payload: { token: TOKEN },
        options: { idempotencyKey: 'key-12345678' },
      });
    });

    it("explains a link the service refuses, in the service's words", async () => {
      sut.rpc.answer(MembershipRequests.redeemSignInLink, () => {
        throw new RemoteProblemError(
          new UnauthenticatedError('Dieser Anmeldelink wurde bereits verwendet.').toProblem('corr-8'),
        );
      });
      const response = await sut.request(`/anmelden/${TOKEN}`, { method: 'POST', headers: FORM, body: '' });
      expect(response.status).toBe(401);
      expect(response.text).toContain('Mit diesem Link ist keine Anmeldung möglich');
      expect(response.text).toContain('Dieser Anmeldelink wurde bereits verwendet.');
      expect(response.text).toContain('Fordern Sie einfach einen neuen Anmeldelink an');
    });

    it('refuses a tampered form with a 400 problem', async () => {
      const response = await sut.request(`/anmelden/${TOKEN}`, {
        method: 'POST',
        headers: FORM,
        body: 'requestKey=x&admin=true',
      });
      expect(response.status).toBe(400);
      expect(sut.rpc.sent).toHaveLength(0);
    });
  });

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
      const malformed = await sut.request(`/abmelden/${TOKEN}`, { method: 'POST', headers: FORM, body: '' });
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
