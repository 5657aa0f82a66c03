import { Addressee, ClubEventSnapshot, germanWeekdayDateTime } from '@ic/contracts';
import { eventName } from './event-details';
import { ClubOffice, MailContent } from './mail-layout';
import { eventPart, linkPart, MailPart, registrationMail, textPart } from './registration-mail-parts';
import { unsubscribeNotice } from './unsubscribe-notice';

interface RegistrationOpenedBase {
  readonly addressee: Addressee;
  /** The event as newest known: its registration is open. */
  readonly event: ClubEventSnapshot;
  /** The office opened registration before the window's date (which therefore is not named). */
  readonly early: boolean;
  readonly office: ClubOffice;
}

/** To someone who declared interest, or whose municipality did: always, since they asked to be told. */
export interface InterestHolderOpenedMail extends RegistrationOpenedBase {
  readonly reason: 'interest';
  /** Set when the interest was declared for a municipality (it registers a delegation), with its name if known. */
  readonly municipality?: { readonly name?: string };
  /**
   * `${LINK_BASE_URL}/veranstaltungen/<eventId>` for a member; absent for the contact person the
   * office named for a municipality, who does not sign in (the office registers for them).
   */
  readonly eventPage?: string;
}

/** To a member the event was announced to with an opening still ahead (announcements on). */
export interface AnnouncedAudienceOpenedMail extends RegistrationOpenedBase {
  readonly reason: 'announced';
  readonly eventPage: string;
  /** `${LINK_BASE_URL}/abmelden/<token>`: this mail is part of the announcements a member can switch off. */
  readonly unsubscribeLink: string;
}

export type RegistrationOpenedMail = InterestHolderOpenedMail | AnnouncedAudienceOpenedMail;

export function registrationOpenedSubject(mail: Pick<RegistrationOpenedMail, 'event'>): string {
  return `Anmeldung geöffnet: ${eventName(mail.event)}`;
}

const WHY_THE_AUDIENCE_GETS_IT =
  'Sie erhalten diese Nachricht als Mitglied des Innovators Club, weil wir Ihnen die Veranstaltung angekündigt haben.';

/**
 * Registration opened for an event: to those who declared interest (or whose municipality did),
 * and to the members it was announced to. Says whether the office opened it early, until when one
 * can register, and leads to the event page ("Jetzt anmelden"). It names no opening date: the one
 * the announcement gave may not have held.
 */
export function renderRegistrationOpenedMail(mail: RegistrationOpenedMail): MailContent {
  const notice =
    mail.reason === 'announced'
      ? unsubscribeNotice(WHY_THE_AUDIENCE_GETS_IT, mail.unsubscribeLink)
      : undefined;
  return registrationMail({
    subject: registrationOpenedSubject(mail),
    preheader:
      mail.reason === 'interest'
        ? 'Sie hatten Interesse bekundet: Die Anmeldung ist geöffnet.'
        : `Die Anmeldung ist geöffnet: ${mail.event.title}`,
    mail,
    parts: [
      textPart(introOf(mail)),
      eventPart(mail.event),
      textPart(deadlineOf(mail)),
      actionOf(mail),
      textPart('Wir freuen uns auf Ihre Anmeldung.'),
    ],
    ...(notice ? { notice, headers: notice.headers } : {}),
  });
}

function introOf(mail: RegistrationOpenedMail): string {
  const opened = mail.early
    ? 'Die Geschäftsstelle hat die Anmeldung früher als angekündigt geöffnet'
    : 'Die Anmeldung ist jetzt geöffnet';
  if (mail.reason === 'announced')
    return `wir haben Ihnen die folgende Veranstaltung angekündigt. ${opened}:`;
  if (!mail.municipality) return `Sie haben Interesse an der folgenden Veranstaltung bekundet. ${opened}:`;
  const who = mail.municipality.name ? `die Kommune ${mail.municipality.name}` : 'Ihre Kommune';
  return `${who} hat Interesse an der folgenden Veranstaltung bekundet. ${opened}:`;
}

/** A Kommunalzirkel takes a municipality's delegation: from its member, or from the office. */
function registersDelegation(mail: RegistrationOpenedMail): boolean {
  const forMunicipality = mail.reason === 'interest' ? mail.municipality !== undefined : true;
  return forMunicipality && mail.event.circle !== undefined;
}

/** Until when, and for a Kommunalzirkel how many people a municipality can send. */
function deadlineOf(mail: RegistrationOpenedMail): string {
  const closesAt = germanWeekdayDateTime(new Date(mail.event.registration.closesAt));
  const delegation = mail.event.circle?.delegation;
  const seats = 'Die Plätze werden in der Reihenfolge der Anmeldungen vergeben.';
  if (delegation && registersDelegation(mail)) {
    const people = delegation.maxPeople === 1 ? 'einer Person' : `bis zu ${delegation.maxPeople} Personen`;
    return `Ihre Kommune kann bis ${closesAt} eine Delegation von ${people} anmelden. ${seats}`;
  }
  return `Sie können sich bis ${closesAt} anmelden. ${seats}`;
}

/** The way to register: the event page for a member, the office for a municipality's contact person. */
function actionOf(mail: RegistrationOpenedMail): MailPart {
  if (!mail.eventPage) {
    return textPart(
      `Die Anmeldung Ihrer Kommune nimmt die Geschäftsstelle vor: Schreiben Sie ihr bitte an ${mail.office.email}, wer teilnehmen soll.`,
    );
  }
  return linkPart(
    registersDelegation(mail)
      ? 'Die Delegation melden Sie im Mitgliederbereich an, auf der Seite der Veranstaltung:'
      : 'Sie melden sich im Mitgliederbereich an, auf der Seite der Veranstaltung:',
    'Jetzt anmelden',
    mail.eventPage,
  );
}
