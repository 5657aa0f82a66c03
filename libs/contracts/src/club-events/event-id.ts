import { ClosedObject, IdField } from '../schema';

/** The event a request is about, by its id: a request pattern's payload is often such an id next to a query or body. */
export const eventIdSchema = ClosedObject({
  eventId: IdField('eventId'),
});
