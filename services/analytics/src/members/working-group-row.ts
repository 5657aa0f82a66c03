/** A working group's name, for the sizes; keyed by the working group id, so its own partition writes it. */
export interface WorkingGroupRow {
  /** The working group id. */
  readonly _id: string;
  readonly name: string;
}
