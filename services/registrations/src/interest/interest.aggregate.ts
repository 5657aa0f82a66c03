import { InterestDeclaredEvent, InterestHolder, InterestRegistrationOpenedEvent } from '@ic/contracts';
import { Aggregate, compact } from '@ic/platform';
import { KnownEvent } from '../replicas/known-event';
import { ContactSealer } from '../shared/contact-sealer';
import { Interest } from './interest';

/** A new interest: everything but what its writes decide. */
export type NewInterest = Omit<Interest, 'revision' | 'toldAt'>;

/**
 * A member's or a municipality's interest in an announced event: records InterestDeclared, and
 * tells its holder once that registration opened. The holder's contact person (a municipality's,
 * named by the office) travels sealed for the notifications service.
 */
export class InterestAggregate extends Aggregate<Interest> {
  private constructor(interest: Interest) {
    super(interest);
  }

  static of(interest: Interest): InterestAggregate {
    return new InterestAggregate(interest);
  }

  /** A new interest (revision 1) with InterestDeclared. */
  static declare(interest: NewInterest, sealer: ContactSealer): InterestAggregate {
    const declared = new InterestAggregate({ ...interest, revision: 1 });
    declared.record(InterestDeclaredEvent, {
      eventId: interest.eventId,
      interestId: interest.interestId,
      holder: holderOf(interest, sealer),
      by: interest.declaredBy,
      declaredAt: interest.declaredAt.toISOString(),
    });
    return declared;
  }

  get id(): string {
    return this.state.interestId;
  }

  /**
   * Tells the holder that the event's registration has opened (InterestRegistrationOpened with the
   * event), once: a holder told already, or an event whose registration is not open, changes nothing.
   */
  tellRegistrationOpened(event: KnownEvent, at: Date, sealer: ContactSealer): void {
    if (this.state.toldAt || event.status !== 'registration-open') return;
    this.change({ ...this.state, toldAt: at });
    this.record(InterestRegistrationOpenedEvent, {
      eventId: this.state.eventId,
      interestId: this.id,
      holder: holderOf(this.state, sealer),
      event: event.snapshot,
    });
  }
}

function holderOf({ holder }: Pick<Interest, 'holder'>, sealer: ContactSealer): InterestHolder {
  return compact({
    kind: holder.kind,
    memberId: holder.memberId,
    municipality: holder.municipality,
    federalState: holder.federalState,
    contact: holder.contact ? sealer.seal(holder.contact) : undefined,
  });
}
