import {
  CancellationCause,
  ClubEventSnapshot,
  DelegationPerson,
  PromotionCause,
  RegistrationChange,
  RegistrationSnapshot,
  SessionChangeCause,
  SessionSeatChange,
} from '@ic/contracts';
import { CalendarMethod, Clock } from '@ic/platform';
import { Injectable, Logger } from '@nestjs/common';
import { RecordEventUseCase } from '../../club-events/record-event/record-event.usecase';
import { deliverAll, FanOutTally, noMails } from '../../deliveries/deliver-mail/deliver-each';
import {
  DeliverMailUseCase,
  DeliveryAttempt,
  DeliveryRequest,
} from '../../deliveries/deliver-mail/deliver-mail.usecase';
import { RegistrationMailKind } from '../../deliveries/delivery-id';
import { MailSettings } from '../../mail/mail-settings';
import { MailContent } from '../../mail/templates/mail-layout';
import {
  ConfirmationReason,
  registrationConfirmedSubject,
  renderRegistrationConfirmedMail,
} from '../../mail/templates/registration-confirmed.template';
import {
  CancellationReason,
  registrationCancelledSubject,
  renderRegistrationCancelledMail,
} from '../../mail/templates/registration-cancelled.template';
import { RegistrationMailBase } from '../../mail/templates/registration-mail-parts';
import {
  registrationPromotedSubject,
  renderRegistrationPromotedMail,
} from '../../mail/templates/registration-promoted.template';
import {
  registrationWaitlistedSubject,
  renderRegistrationWaitlistedMail,
  WaitlistReason,
} from '../../mail/templates/registration-waitlisted.template';
import { renderWorkshopSeatsMail, workshopSeatsSubject } from '../../mail/templates/workshop-seats.template';
import { KnownRegistrationsRepository } from '../../replicas/known-registrations.repository';
import { registrationCalendarFiles } from '../registration-calendar';
import { registrationMailRequest } from '../registration-mail-request';
import { RecipientSlot, recipientSlotsOf, RegistrationRecipients } from '../registration-recipients';

/** What happened to the registration, as the registration event says. */
export type RegistrationFact =
  | { readonly fact: 'confirmed' }
  | { readonly fact: 'waitlisted' }
  | { readonly fact: 'promoted'; readonly cause: PromotionCause }
  | {
      readonly fact: 'cancelled';
      readonly cause: CancellationCause;
      readonly previousStatus: 'confirmed' | 'waiting';
    }
  | {
      readonly fact: 'sessions-changed';
      readonly cause: SessionChangeCause;
      readonly changes: readonly SessionSeatChange[];
    }
  | {
      readonly fact: 'delegation-changed';
      readonly added: readonly string[];
      readonly changed: readonly string[];
      readonly removed: readonly DelegationPerson[];
    };

export interface SendRegistrationMailsCommand {
  /** ce_id of the registration event. */
  readonly causedBy: string;
  readonly correlationId?: string;
  readonly change: RegistrationChange;
  readonly what: RegistrationFact;
}

/** One mail to write: to whom, of which kind, with which calendar files, rendered how. */
interface MailOrder {
  readonly slot: RecipientSlot;
  readonly kind: RegistrationMailKind;
  readonly subject: string;
  /** PUBLISH for a seat (the entry goes into the calendar), CANCEL for a seat given up. */
  readonly calendar?: CalendarMethod;
  readonly render: (base: RegistrationMailBase) => MailContent;
}

/**
 * The mails of one change of a registration: to the member or guest, or to each person of a
 * municipality's delegation their own. One delivery per registration revision and person
 * (registrationDeliveryIdOf), so a redelivered event, or one handled again after a crash, sends
 * only what is missing. The event shown is the newest known (see RecordEventUseCase.newest).
 *
 * Registration events of one club event arrive in order on one partition, so a person reads
 * "waiting list, place 3" before "moved up". Nothing but the cancellation is sent once the event is
 * known to be cancelled: its cancellation mails follow from the registrations' cancellations.
 */
@Injectable()
export class SendRegistrationMailsUseCase {
  private readonly logger = new Logger(SendRegistrationMailsUseCase.name);

  constructor(
    private readonly registrations: KnownRegistrationsRepository,
    private readonly events: RecordEventUseCase,
    private readonly recipients: RegistrationRecipients,
    private readonly deliver: DeliverMailUseCase,
    private readonly settings: MailSettings,
    private readonly clock: Clock,
  ) {}

  async execute(command: SendRegistrationMailsCommand, attempt: DeliveryAttempt): Promise<FanOutTally> {
    const { registration } = command.change;
    // The replica is for reminders, which go to confirmed people: a registration put on the waiting
    // list (new, or taken up again) is not confirmed, and was not before. Skipping it spares a
    // write per waiting registration where bursts are largest.
    if (command.what.fact !== 'waitlisted') await this.registrations.record(registration, command.causedBy);
    const event = await this.events.newest(command.change.event);
    if (event.status === 'cancelled' && command.what.fact !== 'cancelled') {
      this.logger.log(
        `No ${command.what.fact} mail for registration ${registration.registrationId}: event ${event.eventId} is cancelled`,
      );
      return noMails();
    }
    const requests = ordersOf(command.what, event, registration).map((order) =>
      this.requestFor(command, order, event, registration),
    );
    return deliverAll(
      this.deliver,
      requests,
      attempt,
      `Anmeldung ${registration.registrationId} (${command.what.fact})`,
    );
  }

  private requestFor(
    command: SendRegistrationMailsCommand,
    order: MailOrder,
    event: ClubEventSnapshot,
    registration: RegistrationSnapshot,
  ): DeliveryRequest {
    const { calendar } = order;
    return registrationMailRequest(
      {
        kind: order.kind,
        slot: order.slot,
        event,
        registration,
        occasion: registration.revision,
        causedBy: command.causedBy,
        ...(command.correlationId ? { correlationId: command.correlationId } : {}),
        subject: order.subject,
        calendarFiles: (recipient) =>
          calendar
            ? registrationCalendarFiles(event, registration, {
                method: calendar,
                office: this.settings.office,
                eventUrl: this.settings.eventPage,
                attendee: { name: recipient.to.name, email: recipient.to.address },
              })
            : undefined,
        render: order.render,
      },
      { recipients: this.recipients, settings: this.settings, clock: this.clock },
    );
  }
}

/** Which mails a change of a registration means, to whom. */
function ordersOf(
  what: RegistrationFact,
  event: ClubEventSnapshot,
  registration: RegistrationSnapshot,
): MailOrder[] {
  const everyone = recipientSlotsOf(registration);
  const to = (slots: readonly RecipientSlot[], order: Omit<MailOrder, 'slot'>) =>
    slots.map((slot) => ({ ...order, slot }));
  switch (what.fact) {
    case 'confirmed':
      return to(everyone, confirmed(event, 'registered'));
    case 'waitlisted':
      return to(everyone, waitlisted(event, registration, 'registered'));
    case 'promoted':
      return to(everyone, {
        kind: 'registration-promoted',
        subject: registrationPromotedSubject({ event }),
        calendar: 'PUBLISH',
        render: (base) => renderRegistrationPromotedMail({ ...base, cause: what.cause }),
      });
    case 'cancelled':
      // The member had their data erased: there is nobody to write to any more.
      if (what.cause === 'member-erased') return [];
      return to(everyone, cancelled(event, what.cause, what.previousStatus));
    case 'sessions-changed':
      return to(everyone, {
        kind: 'workshop-seats',
        subject: workshopSeatsSubject({ event }),
        render: (base) => renderWorkshopSeatsMail({ ...base, cause: what.cause, changes: what.changes }),
      });
    case 'delegation-changed':
      return delegationOrders(what, event, registration);
  }
}

/**
 * A changed delegation: people added get the mail of the delegation's state (confirmation or
 * waiting list), people whose details changed a new confirmation (at their address as it is now,
 * with the calendar entry), people removed a cancellation of their own.
 */
function delegationOrders(
  what: Extract<RegistrationFact, { fact: 'delegation-changed' }>,
  event: ClubEventSnapshot,
  registration: RegistrationSnapshot,
): MailOrder[] {
  if (registration.status === 'cancelled') return [];
  const people = (ids: readonly string[]) =>
    recipientSlotsOf(
      registration,
      (registration.delegation ?? []).filter((person) => ids.includes(person.personId)),
    );
  const seat = registration.status === 'confirmed';
  const orders = (slots: readonly RecipientSlot[], order: Omit<MailOrder, 'slot'>) =>
    slots.map((slot) => ({ ...order, slot }));
  return [
    ...orders(
      people(what.added),
      seat ? confirmed(event, 'added-to-delegation') : waitlisted(event, registration, 'added-to-delegation'),
    ),
    ...(seat ? orders(people(what.changed), confirmed(event, 'details-changed')) : []),
    ...orders(
      recipientSlotsOf(registration, what.removed),
      cancelled(event, 'removed-from-delegation', registration.status),
    ),
  ];
}

function confirmed(event: ClubEventSnapshot, reason: ConfirmationReason): Omit<MailOrder, 'slot'> {
  return {
    kind: 'registration-confirmed',
    subject: registrationConfirmedSubject({ event }),
    calendar: 'PUBLISH',
    render: (base) => renderRegistrationConfirmedMail({ ...base, reason }),
  };
}

function waitlisted(
  event: ClubEventSnapshot,
  registration: RegistrationSnapshot,
  reason: WaitlistReason,
): Omit<MailOrder, 'slot'> {
  return {
    kind: 'registration-waitlisted',
    subject: registrationWaitlistedSubject({ event, registration }),
    render: (base) => renderRegistrationWaitlistedMail({ ...base, reason }),
  };
}

/** Who had a seat gets the calendar entry's cancellation; who was waiting never had an entry. */
function cancelled(
  event: ClubEventSnapshot,
  cause: CancellationReason,
  previousStatus: 'confirmed' | 'waiting',
): Omit<MailOrder, 'slot'> {
  return {
    kind: 'registration-cancelled',
    subject: registrationCancelledSubject({ event, cause }),
    ...(previousStatus === 'confirmed' ? { calendar: 'CANCEL' as const } : {}),
    render: (base) => renderRegistrationCancelledMail({ ...base, cause, previousStatus }),
  };
}
