import { markup } from '@ic/platform';
import { RenderedPage, renderPage } from './html';

export const UNSUBSCRIBE_ADVICE = markup`<p>
  Sie können die Ankündigungen auch in Ihrem Profil abbestellen, oder die Geschäftsstelle des Innovators Club
  darum bitten.
</p>`;

/**
 * Opening the link only shows this button: mail scanners open links, and must not unsubscribe
 * anyone. (Mail programs that offer their own button send the RFC 8058 POST instead.)
 */
export function renderUnsubscribeConfirmation(token: string, requestKey: string): RenderedPage {
  return renderPage(
    'Ankündigungen abbestellen',
    markup`<h1>Ankündigungen abbestellen</h1>
      <p>
        Möchten Sie keine E-Mails mehr erhalten, mit denen der Innovators Club neue Veranstaltungen ankündigt?
        Dann bestätigen Sie bitte mit einem Klick.
      </p>
      <form method="post" action="/abmelden/${token}">
        <input type="hidden" name="requestKey" value="${requestKey}" />
        <button type="submit">Ankündigungen abbestellen</button>
      </form>
      <p class="note">
        Einladungen, Anmeldelinks und Bestätigungen Ihrer Anmeldungen erhalten Sie weiterhin. Wenn Sie nichts
        ändern möchten, können Sie diese Seite einfach schließen.
      </p>`,
  );
}

export function renderUnsubscribed(): RenderedPage {
  return renderPage(
    'Ankündigungen abbestellt',
    markup`<h1>Sie erhalten keine Ankündigungen mehr</h1>
      <p>
        Wir senden Ihnen keine E-Mails mehr, mit denen der Innovators Club neue Veranstaltungen ankündigt.
        Einladungen, Anmeldelinks und Bestätigungen Ihrer Anmeldungen erhalten Sie weiterhin.
      </p>
      <p>In Ihrem Profil können Sie die Ankündigungen jederzeit wieder einschalten.</p>`,
  );
}
