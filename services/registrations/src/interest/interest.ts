import { Actor, FederalState, InterestHolderKind, Municipality } from '@ic/contracts';
import { StoredGuest } from '../registrations/registration';

/** A member's or a municipality's interest in an announced event, as this service keeps it. */
export interface Interest {
  readonly interestId: string;
  readonly revision: number;
  readonly eventId: string;
  /** `member:<id>` or `municipality:<AGS>`: one interest per holder and event. */
  readonly holderKey: string;
  readonly holder: StoredInterestHolder;
  readonly declaredBy: Actor;
  readonly declaredAt: Date;
  /** When the holder's InterestRegistrationOpened was stored: once, when registration opened. */
  readonly toldAt?: Date;
}

export interface StoredInterestHolder {
  readonly kind: InterestHolderKind;
  readonly memberId?: string;
  readonly municipality?: Municipality;
  readonly federalState?: FederalState;
  /** The person in the municipality the office named, to be told (in clear here; sealed in events). */
  readonly contact?: Omit<StoredGuest, 'organisation'>;
}
