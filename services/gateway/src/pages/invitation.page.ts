import { InvitationPreviewReply, SuggestedOfficeTitles } from '@ic/contracts';
import { germanDate, html, paragraphs, RenderedPage, renderPage, SafeHtml } from './html';

type Addressee = Pick<
  InvitationPreviewReply,
  'salutation' | 'academicTitle' | 'officeTitle' | 'firstName' | 'lastName'
>;

/**
 * The formal German address: "Sehr geehrte Frau Oberbürgermeisterin Dr. Muster". Only the usual
 * office titles belong in it; free text such as "Vorstand der Stadtwerke" does not.
 */
export function formalAddress(person: Addressee): string {
  const office = (SuggestedOfficeTitles as readonly string[]).includes(person.officeTitle ?? '')
    ? person.officeTitle
    : undefined;
  const titled = [office, person.academicTitle, person.lastName].filter(Boolean).join(' ');
  switch (person.salutation) {
    case 'Frau':
      return `Sehr geehrte Frau ${titled}`;
    case 'Herr':
      return `Sehr geehrter Herr ${titled}`;
    default:
      return `Guten Tag ${[person.academicTitle, person.firstName, person.lastName].filter(Boolean).join(' ')}`;
  }
}

export const INVITATION_ADVICE = html`<p>
  Bei Fragen zu Ihrer Einladung wenden Sie sich bitte an die Geschäftsstelle des Innovators Club.
</p>`;

const CLOSED_STATES: Readonly<
  Record<Exclude<InvitationPreviewReply['status'], 'open'>, (expiresAt: string) => SafeHtml>
> = {
  accepted: () =>
    html`<h1>Sie haben bereits zugesagt</h1>
      <p>Diese Einladung haben Sie schon angenommen. Sie sind Mitglied im Innovators Club – willkommen!</p>`,
  declined: () =>
    html`<h1>Sie haben bereits abgesagt</h1>
      <p>
        Diese Einladung haben Sie abgelehnt. Wenn Sie es sich anders überlegt haben, wenden Sie sich bitte an
        die Geschäftsstelle.
      </p>`,
  revoked: () =>
    html`<h1>Diese Einladung gilt nicht mehr</h1>
      <p>Die Geschäftsstelle hat diese Einladung zurückgezogen.</p>
      ${INVITATION_ADVICE}`,
  expired: (expiresAt) =>
    html`<h1>Diese Einladung ist abgelaufen</h1>
      <p>
        Die Einladung galt bis zum ${germanDate(expiresAt)}. Die Geschäftsstelle sendet Ihnen gern eine neue.
      </p>
      ${INVITATION_ADVICE}`,
};

/** The invitation as the invited person sees it, with the two answers as forms (a GET changes nothing). */
export function renderInvitationPreview(
  preview: InvitationPreviewReply,
  token: string,
  requestKey: string,
): RenderedPage {
  if (preview.status !== 'open') {
    return renderPage('Einladung', CLOSED_STATES[preview.status](preview.expiresAt));
  }
  const name = [preview.academicTitle, preview.firstName, preview.lastName].filter(Boolean).join(' ');
  return renderPage(
    'Ihre Berufung in den Innovators Club',
    html`<h1>Ihre Berufung in den Innovators Club</h1>
      <p>${formalAddress(preview)},</p>
      <p>
        der Deutsche Städte- und Gemeindebund lädt Sie ein, Mitglied im Innovators Club zu werden – der
        kommunalen Ideenschmiede, in der sich Kommunen, Politik, Wirtschaft, Wissenschaft und
        Zivilgesellschaft auf Augenhöhe begegnen.
      </p>
      <dl>
        <dt>Eingeladen</dt>
        <dd>${name}${preview.officeTitle ? `, ${preview.officeTitle}` : ''}</dd>
        <dt>Organisation</dt>
        <dd>${preview.organisation}</dd>
        <dt>Antwort bis</dt>
        <dd>${germanDate(preview.expiresAt)}</dd>
      </dl>
      ${
        preview.personalMessage
          ? html`<h2>Persönliche Nachricht der Geschäftsstelle</h2>
              <blockquote class="message">${paragraphs(preview.personalMessage)}</blockquote>`
          : false
      }
      <h2 id="zusagen">Zusagen</h2>
      <form method="post" action="/einladung/${token}/zusagen" aria-labelledby="zusagen">
        <input type="hidden" name="requestKey" value="${requestKey}" />
        <p>
          Mit Ihrer Zusage werden Sie Mitglied. Ein Passwort brauchen Sie nicht: Sie melden sich später mit
          einem Link per E-Mail an.
        </p>
        <button type="submit">Ja, ich sage zu</button>
      </form>
      <h2 id="absagen">Absagen</h2>
      <form method="post" action="/einladung/${token}/absagen" aria-labelledby="absagen">
        <input type="hidden" name="requestKey" value="${requestKey}" />
        <label for="reason">Möchten Sie uns einen Grund nennen? (freiwillig)</label>
        <textarea id="reason" name="reason" rows="4" maxlength="2000"></textarea>
        <button type="submit" class="secondary">Nein, ich sage ab</button>
      </form>`,
  );
}

export function renderInvitationAccepted(): RenderedPage {
  return renderPage(
    'Willkommen im Innovators Club',
    html`<h1>Herzlich willkommen im Innovators Club!</h1>
      <p>Vielen Dank für Ihre Zusage. Sie sind jetzt Mitglied.</p>
      <p>
        Zum Anmelden brauchen Sie kein Passwort: Sie fordern mit Ihrer E-Mail-Adresse einen Anmeldelink an und
        erhalten ihn per E-Mail.
      </p>`,
  );
}

export function renderInvitationDeclined(): RenderedPage {
  return renderPage(
    'Ihre Absage',
    html`<h1>Ihre Absage ist angekommen</h1>
      <p>Schade, dass Sie nicht dabei sein können. Vielen Dank für Ihre Rückmeldung.</p>
      <p>Sollten Sie es sich anders überlegen, wenden Sie sich gern an die Geschäftsstelle.</p>`,
  );
}
