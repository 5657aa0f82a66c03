import { sealPersonContact, SecretBox } from '@ic/platform';
import { randomBytes } from 'node:crypto';
import {
  MailCannotBeComposedError,
  MailNotReadyError,
} from '../deliveries/deliver-mail/deliver-mail.usecase';
import { ContactsRepository } from '../replicas/contacts.repository';
import {
  delegationPerson,
  delegationRegistration,
  MEMBER_ID,
  newMailSettings,
  registration,
} from '../testing/registration-factories';
import { interestSlotOf, recipientSlotsOf, RegistrationRecipients } from './registration-recipients';
import { mock } from 'jest-mock-extended';

const guest = {
  salutation: 'Frau' as const,
  firstName: 'Gesa',
  lastName: 'Gast',
  email: 'gesa.gast@hs-ulm.example',
};

/** Recipients with an empty contact replica: no member is known yet, or only erased ones. */
function newTestRecipients(erasedMemberIds: readonly string[] = []) {
  const settings = newMailSettings();
  const contacts = mock<ContactsRepository>({
    find: () => Promise.resolve(undefined),
    isErased: (memberId: string) => Promise.resolve(erasedMemberIds.includes(memberId)),
  });
  return { sut: new RegistrationRecipients(contacts, settings), box: settings.linkTokens };
}

describe(recipientSlotsOf.name, () => {
  it('is the member for a member’s registration, the guest for a guest’s, each person for a delegation', () => {
    const box = SecretBox.fromBase64Key(randomBytes(32).toString('base64'));
    const people = [delegationPerson(box), delegationPerson(box, {}, 'mayor')];

    expect(recipientSlotsOf(registration())).toEqual([{ kind: 'member', memberId: MEMBER_ID }]);
    expect(recipientSlotsOf(registration({ registrant: { kind: 'guest', contact: 'v1.sealed' } }))).toEqual([
      { kind: 'person', contact: 'v1.sealed' },
    ]);
    expect(recipientSlotsOf(delegationRegistration(people))).toEqual(
      people.map(({ personId, role, contact }) => ({ kind: 'delegate', personId, role, contact })),
    );
    expect(recipientSlotsOf(delegationRegistration(people), [people[1]])).toHaveLength(1);
  });
});

describe(interestSlotOf.name, () => {
  const pegnitz = { name: 'Pegnitz', ags: '09472175', population: 13_700 };

  it('is the member who declared interest, for themselves or for their municipality', () => {
    expect(interestSlotOf({ kind: 'member', memberId: MEMBER_ID })).toEqual({
      kind: 'member',
      memberId: MEMBER_ID,
    });
    expect(interestSlotOf({ kind: 'municipality', memberId: MEMBER_ID, municipality: pegnitz })).toEqual({
      kind: 'member',
      memberId: MEMBER_ID,
    });
  });

  it('is the contact person the office named for a municipality, and nobody without one', () => {
    expect(
      interestSlotOf({
        kind: 'municipality',
        memberId: MEMBER_ID,
        municipality: pegnitz,
        contact: 'v1.sealed',
      }),
    ).toEqual({ kind: 'person', contact: 'v1.sealed' });
    expect(interestSlotOf({ kind: 'municipality', municipality: pegnitz })).toBeUndefined();
  });
});

describe(RegistrationRecipients.name, () => {
  describe('resolve', () => {
    it('opens a sealed contact and addresses the person by it, with their municipality for a delegate', async () => {
      const { sut, box } = newTestRecipients();
      const contact = sealPersonContact(box, guest);

      await expect(sut.resolve({ kind: 'person', contact })).resolves.toEqual({
        addressee: { salutation: 'Frau', firstName: 'Gesa', lastName: 'Gast' },
        to: { name: 'Gesa Gast', address: guest.email },
      });
      await expect(
        sut.resolve({ kind: 'delegate', personId: 'p', role: 'mayor', contact }, 'Pegnitz'),
      ).resolves.toMatchObject({ delegate: { role: 'mayor', municipality: 'Pegnitz' } });
    });

    it('fails for good on a contact sealed with another key, and for now on a member not yet known', async () => {
      const { sut } = newTestRecipients();
      const other = SecretBox.fromBase64Key(randomBytes(32).toString('base64'));

      await expect(sut.resolve({ kind: 'person', contact: sealPersonContact(other, guest) })).rejects.toThrow(
        MailCannotBeComposedError,
      );
      const missing = sut.resolve({ kind: 'member', memberId: MEMBER_ID });
      await expect(missing).rejects.toThrow(MailNotReadyError);
      await expect(missing).rejects.not.toThrow(MailCannotBeComposedError);
    });

    it('fails for good for a member who had their data erased: no mail goes to them any more', async () => {
      const { sut } = newTestRecipients([MEMBER_ID]);

      await expect(sut.resolve({ kind: 'member', memberId: MEMBER_ID })).rejects.toThrow(
        MailCannotBeComposedError,
      );
    });
  });
});
