import { PersonContact } from '@ic/contracts';
import { openPersonContact, sealPersonContact } from './person-contacts';
import { SealedValueError, SecretBox } from './secret-box';

const box = SecretBox.fromBase64Key(Buffer.alloc(32, 7).toString('base64'));
const contact: PersonContact = {
  salutation: 'keine',
  firstName: 'Jördis',
  lastName: 'Beispiel',
  email: 'joerdis.beispiel@pegnitz.example',
};

describe(sealPersonContact.name, () => {
  it('seals a contact that only the key opens again', () => {
    const sealed = sealPersonContact(box, { ...contact, organisation: 'Bürgerverein Pegnitz' });

    expect(sealed).not.toContain('Beispiel');
    expect(openPersonContact(box, sealed)).toEqual({ ...contact, organisation: 'Bürgerverein Pegnitz' });
  });

  it('refuses a value sealed with another key, and a sealed value that is no contact', () => {
    const other = SecretBox.fromBase64Key(Buffer.alloc(32, 8).toString('base64'));

    expect(() => openPersonContact(box, sealPersonContact(other, contact))).toThrow(SealedValueError);
    expect(() => openPersonContact(box, box.seal('{"firstName":"Anna"}'))).toThrow(SealedValueError);
    expect(() => openPersonContact(box, box.seal('not json'))).toThrow(SealedValueError);
  });
});
