import { EventContract } from '@ic/contracts';

/** A fact an aggregate decided: the contract of the event it is published as, and its data. */
export interface RecordedFact<TData = unknown> {
  readonly contract: EventContract<TData>;
  readonly data: TData;
}

/**
 * An aggregate that decides its changes and records the facts they cause, so that a use case reads
 * load → act → save: it loads the aggregate, calls it, and its repository stores the new state with
 * the facts as outgoing events in one write (the outbox). No use case builds an event itself.
 * A fact is an event's contract and data, unless the aggregate's facts need more than the aggregate
 * knows to become events (`TFact`: a registration's carry its places and the seat counts).
 */
export abstract class Aggregate<TState extends object, TFact = RecordedFact> {
  private facts: TFact[] = [];
  private changed = false;

  protected constructor(private current: TState) {}

  /** The state as decided so far (as loaded until a method changes it). */
  get state(): TState {
    return this.current;
  }

  /** Whether a method changed the state since it was loaded; a save without changes writes nothing. */
  get hasChanges(): boolean {
    return this.changed;
  }

  /** The facts recorded since the last call, oldest first; the repository takes them when it saves. */
  takeFacts(): TFact[] {
    return this.facts.splice(0);
  }

  protected change(next: TState): void {
    this.current = next;
    this.changed = true;
  }

  protected record<TData>(
    this: Aggregate<TState, RecordedFact>,
    contract: EventContract<TData>,
    data: NoInfer<TData>,
  ): void {
    this.facts.push({ contract, data });
  }

  /** Records a fact of an aggregate whose facts are its own (`TFact`). */
  protected recordFact(fact: TFact): void {
    this.facts.push(fact);
  }
}
