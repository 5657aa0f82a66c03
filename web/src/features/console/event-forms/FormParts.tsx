/** What the form says beside a field: the messages for exactly that field. */
export type ErrorsFor = (field: string) => string | undefined;
