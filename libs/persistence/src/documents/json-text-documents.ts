/**
 * A document kept as its id and the rest as one JSON text, for collections read and written whole
 * and only ever looked up by `_id` (the analytics projections). Chosen on FerretDB 1.x, which read a
 * nested document value by value (a hundred events' registrations took over a second; one string
 * read more than ten times faster); not measured again on mongo-java-server or MongoDB, where a
 * plain nested document may do as well. Instants travel as ISO text: every field named `…At`
 * holds one.
 */
export interface JsonTextDocument {
  _id: string;
  body: string;
}

const INSTANT_FIELD = /At$/;

export function toJsonTextDocument<T extends { readonly _id: string }>({
  _id,
  ...body
}: T): JsonTextDocument {
  return { _id, body: JSON.stringify(body) };
}

export function fromJsonTextDocument<T>({ _id, body }: JsonTextDocument): T {
  const fields = JSON.parse(body, (key, value: unknown) =>
    INSTANT_FIELD.test(key) && typeof value === 'string' ? new Date(value) : value,
  ) as object;
  return { _id, ...fields } as T;
}
