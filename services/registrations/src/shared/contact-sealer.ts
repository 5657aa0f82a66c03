import { PersonContact, SealedToken } from '@ic/contracts';
import { sealPersonContact, SecretBox } from '@ic/platform';
import { Injectable } from '@nestjs/common';

/**
 * Seals the name and address of a person who is not looked up by member id (delegation people,
 * guests, a municipality's contact) for the notifications service, which opens them with
 * openPersonContact: events stay on Kafka for good and outside consumers read them.
 */
@Injectable()
export class ContactSealer {
  constructor(private readonly box: SecretBox) {}

  seal(person: PersonContact): SealedToken {
    return sealPersonContact(this.box, person);
  }
}
