/** How a repository saves an aggregate: the request's correlation id for its events, and a last check. */
export interface SaveOptions {
  readonly correlationId?: string;
  /**
   * Runs once the aggregate's facts are made into events and checked against their contracts, just
   * before the write: a claim the write needs (an e-mail address), so that a refused change claims nothing.
   */
  readonly beforeWrite?: () => Promise<void>;
}
