import { AccessTokenReply } from '@ic/contracts';
import { germanDateTime, html, RenderedPage, renderPage } from './html';

export const SIGN_IN_ADVICE = html`<p>
  Fordern Sie einfach einen neuen Anmeldelink an; jeder Link gilt nur einmal und nur kurze Zeit.
</p>`;

/** Opening the link only shows this button: mail scanners open links, and must not use them up. */
export function renderSignInConfirmation(token: string, requestKey: string): RenderedPage {
  return renderPage(
    'Anmelden',
    html`<h1>Anmelden beim Innovators Club</h1>
      <p>
        Sie haben einen Anmeldelink angefordert. Mit einem Klick auf „Jetzt anmelden“ sind Sie angemeldet.
      </p>
      <form method="post" action="/anmelden/${token}">
        <input type="hidden" name="requestKey" value="${requestKey}" />
        <button type="submit">Jetzt anmelden</button>
      </form>
      <p class="note">
        Der Link gilt nur einmal und nur kurze Zeit. Wenn Sie keinen Anmeldelink angefordert haben, können Sie
        diese Seite einfach schließen.
      </p>`,
  );
}

/** After redeeming: the access token, to use in the API documentation until a member portal exists. */
export function renderSignedIn(reply: AccessTokenReply): RenderedPage {
  return renderPage(
    'Sie sind angemeldet',
    html`<h1>Sie sind angemeldet</h1>
      <p>Ihre Anmeldung gilt bis ${germanDateTime(reply.expiresAt)}.</p>
      <label for="token">Ihr Zugangstoken</label>
      <textarea id="token" class="token" rows="5" readonly aria-describedby="token-hint">
${reply.accessToken}</textarea>
      <p id="token-hint">
        So verwenden Sie es: Öffnen Sie die <a href="/api/docs">Dokumentation der Schnittstelle</a>, wählen
        Sie „Authorize“ und fügen Sie das Token ein.
      </p>
      <p class="note">Geben Sie das Token nicht weiter: Es weist Sie als angemeldet aus.</p>`,
  );
}
