import { ClosedObject, Uuid, withMessage } from '../schema';

/** The event a request is about, by its id: a request pattern's payload is often such an id next to a query or body. */
export const eventIdSchema = ClosedObject({
  eventId: withMessage(Uuid(), 'eventId muss eine UUID sein'),
});
