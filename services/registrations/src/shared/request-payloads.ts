import {
  ChangeDelegationRequest,
  DeclareInterestRequest,
  EventIdRequest,
  RegisterRequest,
  RegistrationIdRequest,
} from '@ic/contracts';
import { UuidField } from '@ic/platform';

/**
 * Validated classes for the request payloads the contracts type as plain objects (an id next to a
 * DTO). The global ValidationPipe needs a class to check them and to refuse unknown fields.
 */

export class EventIdPayload implements EventIdRequest {
  @UuidField()
  eventId!: string;
}

export class RegisterPayload extends RegisterRequest implements EventIdRequest {
  @UuidField()
  eventId!: string;
}

export class ChangeDelegationPayload extends ChangeDelegationRequest implements RegistrationIdRequest {
  @UuidField()
  registrationId!: string;
}

export class DeclareInterestPayload extends DeclareInterestRequest implements EventIdRequest {
  @UuidField()
  eventId!: string;
}
