import { CancellationCause, germanWeekdayDateTime } from '@ic/contracts';
import { eventName } from './event-details';
import { MailContent } from './mail-layout';
import {
  calendarRemovalPart,
  delegationOf,
  eventPagePart,
  eventPart,
  MailPart,
  registrationMail,
  RegistrationMailBase,
  textPart,
} from './registration-mail-parts';

/**
 * Why the person is no longer registered: the registration's cancellation, or their removal from a
 * delegation. A member who had their data erased gets no mail (see SendRegistrationMailsUseCase).
 */
export type CancellationReason = Exclude<CancellationCause, 'member-erased'> | 'removed-from-delegation';

export interface RegistrationCancelledMail extends RegistrationMailBase {
  readonly cause: CancellationReason;
  /** What the person had: a seat (and a calendar entry to remove) or a place on the waiting list. */
  readonly previousStatus: 'confirmed' | 'waiting';
}

export function registrationCancelledSubject(
  mail: Pick<RegistrationCancelledMail, 'event' | 'cause'>,
): string {
  const name = eventName(mail.event);
  switch (mail.cause) {
    case 'event-cancelled':
      return `Abgesagt: ${name}`;
    case 'registrant':
      return `Stornierung bestätigt: ${name}`;
    case 'staff':
      return `Ihre Anmeldung wurde storniert: ${name}`;
    case 'removed-from-delegation':
      return `Abmeldung aus der Delegation: ${name}`;
  }
}

/**
 * The registration is cancelled: by the registrant, by the office, because the event was
 * cancelled (with the office's reason), or the person left the delegation. A person who had a
 * seat gets the calendar entry's cancellation attached, so the calendar drops it.
 */
export function renderRegistrationCancelledMail(mail: RegistrationCancelledMail): MailContent {
  return registrationMail({
    subject: registrationCancelledSubject(mail),
    preheader:
      mail.cause === 'event-cancelled'
        ? `Die Veranstaltung ist abgesagt: ${mail.event.title}`
        : `Ihre Anmeldung ist storniert: ${mail.event.title}`,
    mail,
    parts: [
      textPart(introOf(mail)),
      eventPart(mail.event),
      ...consequenceOf(mail),
      eventPagePart(mail, mail.cause === 'event-cancelled' ? 'Veranstaltung ansehen' : undefined),
      calendarRemovalPart(mail.calendarFiles),
    ],
    attachments: mail.calendarFiles,
  });
}

function introOf(mail: RegistrationCancelledMail): string {
  const what = mail.previousStatus === 'waiting' ? 'Ihre Anmeldung auf der Warteliste' : 'Ihre Anmeldung';
  const delegation = mail.delegate ? delegationOf(mail.delegate, mail.addressee.salutation) : undefined;
  switch (mail.cause) {
    case 'event-cancelled':
      return 'leider müssen wir Ihnen mitteilen, dass die folgende Veranstaltung abgesagt ist:';
    case 'removed-from-delegation':
      return `${delegation?.municipality ?? 'Ihre Kommune'} hat Sie aus ihrer Delegation zur folgenden Veranstaltung abgemeldet:`;
    case 'registrant':
      return delegation
        ? `${delegation.municipality} hat die Anmeldung ihrer Delegation zur folgenden Veranstaltung storniert:`
        : `wie gewünscht haben wir ${what} zur folgenden Veranstaltung storniert:`;
    case 'staff':
      return delegation
        ? `die Geschäftsstelle hat die Anmeldung der Delegation ${delegation.ofMunicipality} zur folgenden Veranstaltung storniert:`
        : `die Geschäftsstelle hat ${what} zur folgenden Veranstaltung storniert:`;
  }
}

function consequenceOf(mail: RegistrationCancelledMail): MailPart[] {
  switch (mail.cause) {
    case 'event-cancelled': {
      const reason = mail.event.cancellation?.reason;
      return [
        ...(reason ? [textPart(`Grund der Absage: ${reason}`)] : []),
        textPart(
          'Ihre Anmeldung ist damit hinfällig; Sie müssen nichts weiter tun. Wir bedauern die Absage sehr.',
        ),
      ];
    }
    case 'registrant': {
      const closesAt = new Date(mail.event.registration.closesAt);
      return !mail.delegate && closesAt > mail.now && mail.event.status === 'registration-open'
        ? [
            textPart(
              `Möchten Sie doch teilnehmen, können Sie sich bis ${germanWeekdayDateTime(closesAt)} erneut anmelden.`,
            ),
          ]
        : [];
    }
    case 'staff':
    case 'removed-from-delegation':
      return [textPart('Haben Sie Fragen dazu, wenden Sie sich bitte an die Geschäftsstelle.')];
  }
}
