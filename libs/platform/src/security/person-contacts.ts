import { PersonContact, Salutations, SealedToken } from '@ic/contracts';
import { SealedValueError, SecretBox } from './secret-box';

/**
 * A person who is not looked up by member id (a delegation person, a guest, a municipality's
 * contact) travels in events as a sealed PersonContact: the JSON below, sealed with the
 * LINK_TOKEN_SECRET's SecretBox. Only the services holding the key (registrations, which seals,
 * and notifications, which writes to the person) can read name and address.
 */
export function sealPersonContact(box: SecretBox, contact: PersonContact): SealedToken {
  const { salutation, firstName, lastName, email, organisation } = contact;
  return box.seal(
    JSON.stringify({ salutation, firstName, lastName, email, ...(organisation ? { organisation } : {}) }),
  );
}

/** Opens a sealed PersonContact; a damaged value, another key or another shape is a SealedValueError. */
export function openPersonContact(box: SecretBox, sealed: SealedToken): PersonContact {
  let value: unknown;
  try {
    value = JSON.parse(box.open(sealed));
  } catch (error) {
    if (error instanceof SealedValueError || error instanceof SyntaxError) throw new SealedValueError();
    throw error;
  }
  if (!isPersonContact(value)) throw new SealedValueError();
  return value;
}

function isPersonContact(value: unknown): value is PersonContact {
  if (typeof value !== 'object' || value === null) return false;
  const contact = value as Record<string, unknown>;
  const text = (field: string) => typeof contact[field] === 'string' && contact[field] !== '';
  return (
    (Salutations as readonly unknown[]).includes(contact.salutation) &&
    text('firstName') &&
    text('lastName') &&
    text('email') &&
    (contact.organisation === undefined || text('organisation'))
  );
}
