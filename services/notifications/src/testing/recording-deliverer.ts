import { mock } from 'jest-mock-extended';
import {
  DeliverMailUseCase,
  DeliveryAttempt,
  DeliveryOutcome,
  DeliveryRequest,
} from '../deliveries/deliver-mail/deliver-mail.usecase';

/** The consumer's first attempt at a message, with more to come. */
export const firstAttempt: DeliveryAttempt = { number: 1, last: false };

/**
 * A DeliverMailUseCase that keeps every request it gets, in order, and answers as `outcomeOf`
 * says (sent, unless told otherwise; a throw becomes a rejection, as a failed delivery's).
 */
export function recordingDeliverer(
  outcomeOf: (request: DeliveryRequest) => DeliveryOutcome | Promise<DeliveryOutcome> = () => 'sent',
): { deliver: DeliverMailUseCase; requests: DeliveryRequest[] } {
  const requests: DeliveryRequest[] = [];
  const deliver = mock<DeliverMailUseCase>({
    execute: (request: DeliveryRequest) => {
      requests.push(request);
      return Promise.resolve().then(() => outcomeOf(request));
    },
  });
  return { deliver, requests };
}
