import { PersonContact, SealedToken } from '@ic/contracts';
import { compact, SecretBox } from '@ic/platform';
import { Injectable } from '@nestjs/common';

/**
 * Seals the name and address of a person who is not looked up by member id (delegation people,
 * guests, a municipality's contact) for the notifications service: events stay on Kafka for good
 * and outside consumers read them, so they carry only a sealed PersonContact (JSON).
 */
@Injectable()
export class ContactSealer {
  constructor(private readonly box: SecretBox) {}

  seal(person: PersonContact): SealedToken {
    const contact: PersonContact = compact({
      salutation: person.salutation,
      firstName: person.firstName,
      lastName: person.lastName,
      email: person.email,
      organisation: person.organisation,
    });
    return this.box.seal(JSON.stringify(contact));
  }
}
