/**
 * An aggregate decides a change of its own state and records the facts the change caused; its
 * repository then stores the state and the facts' outgoing events in one write (the outbox). So a
 * use case reads load → act → save, and no event is built inline.
 */
export abstract class AggregateRoot<TFact> {
  private facts: TFact[] = [];

  /** The facts recorded since they were last taken, for the write that stores them. */
  takeFacts(): TFact[] {
    const taken = this.facts;
    this.facts = [];
    return taken;
  }

  protected record(fact: TFact): void {
    this.facts.push(fact);
  }
}
