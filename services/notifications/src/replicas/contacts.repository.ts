import { MemberProfile, Theme } from '@ic/contracts';
import { MemberReplica } from '@ic/messaging';
import { ReplicaWrite, writeIfNotNewer } from '@ic/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { Contact, ContactMunicipality, ContactStatus } from './contact.schema';

/** A member's contact data as plain values. */
export interface ContactRecord {
  readonly memberId: string;
  readonly salutation: Contact['salutation'];
  readonly academicTitle?: Contact['academicTitle'];
  readonly officeTitle?: string;
  readonly salutationLine?: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
  readonly status: ContactStatus;
  readonly personalMessage?: string;
  readonly municipality?: ContactMunicipality;
  readonly themes: readonly Theme[];
  readonly announcementsOptOut: boolean;
}

type ContactFields = Partial<Omit<Contact, '_id'>>;
type Unset = Partial<Record<keyof Contact, ''>>;

/**
 * Every write carries the time of the event it comes from (`asOf`) and applies only when the stored
 * state is not newer. Events of one member arrive in order on one partition, so this matters only
 * for an old event replayed from the dead-letter topic; it then counts as stale.
 */
@Injectable()
export class ContactsRepository implements MemberReplica {
  constructor(@InjectModel(Contact.name) private readonly contacts: Model<Contact>) {}

  /** The contact; undefined when unknown or erased (see isErased). */
  async find(memberId: string): Promise<ContactRecord | undefined> {
    const contact = await this.contacts.findById(memberId).lean<Contact>().exec();
    return contact && contact.status !== 'erased' ? toRecord(contact) : undefined;
  }

  async isErased(memberId: string): Promise<boolean> {
    const contact = await this.contacts
      .findById(memberId, { status: 1 })
      .lean<Pick<Contact, 'status'>>()
      .exec();
    return contact?.status === 'erased';
  }

  /**
   * Forgets everything but the id: a tombstone, so that an older membership event replayed later
   * (its `asOf` is older) cannot bring the contact back, and mails to the member are refused.
   */
  async recordErased(memberId: string, asOf: Date): Promise<ReplicaWrite> {
    const personal: Unset = {
      salutation: '',
      academicTitle: '',
      officeTitle: '',
      salutationLine: '',
      firstName: '',
      lastName: '',
      email: '',
      personalMessage: '',
      municipality: '',
      themes: '',
      announcementsOptOut: '',
      announcementsAsOf: '',
    };
    return this.upsert(memberId, asOf, { status: 'erased' }, personal);
  }

  recordInvited(
    memberId: string,
    profile: MemberProfile,
    personalMessage: string | undefined,
    asOf: Date,
  ): Promise<ReplicaWrite> {
    const { set, unset } = profileFields(profile);
    if (personalMessage?.trim()) set.personalMessage = personalMessage;
    else unset.personalMessage = '';
    return this.upsert(memberId, asOf, { ...set, status: 'invited' }, unset);
  }

  /** The personal message of the invitation is not needed any more once the invitation is answered. */
  recordActive(memberId: string, profile: MemberProfile, asOf: Date): Promise<ReplicaWrite> {
    const { set, unset } = profileFields(profile);
    return this.upsert(memberId, asOf, { ...set, status: 'active' }, { ...unset, personalMessage: '' });
  }

  /** A profile change keeps the status; a member first seen here is active (only members edit profiles). */
  recordProfile(memberId: string, profile: MemberProfile, asOf: Date): Promise<ReplicaWrite> {
    const { set, unset } = profileFields(profile);
    return this.upsert(memberId, asOf, set, unset, { status: 'active' });
  }

  /**
   * The preference has a time of its own: a profile event that is newer than the preference
   * change, but says nothing about it, must not make the change look stale.
   */
  recordAnnouncementPreference(memberId: string, optOut: boolean, asOf: Date): Promise<ReplicaWrite> {
    return writeIfNotNewer(
      this.contacts,
      memberId,
      asOf,
      { set: { announcementsOptOut: optOut }, insertIfMissing: false },
      'announcementsAsOf',
    );
  }

  /** Every active member, by member id: an announcement goes out in about this order. */
  async findActive(): Promise<ContactRecord[]> {
    const contacts = await this.contacts.find({ status: 'active' }).sort({ _id: 1 }).lean<Contact[]>().exec();
    return contacts.map(toRecord);
  }

  recordDeactivated(memberId: string, asOf: Date): Promise<ReplicaWrite> {
    return writeIfNotNewer(this.contacts, memberId, asOf, {
      set: { status: 'inactive' },
      unset: ['personalMessage'],
      insertIfMissing: false,
    });
  }

  private upsert(
    memberId: string,
    asOf: Date,
    set: ContactFields,
    unset: Unset,
    setOnInsert: ContactFields = {},
  ): Promise<ReplicaWrite> {
    return writeIfNotNewer(this.contacts, memberId, asOf, {
      set,
      unset: Object.keys(unset),
      setOnInsert,
      insertIfMissing: true,
    });
  }
}

function profileFields(profile: MemberProfile): { set: ContactFields; unset: Unset } {
  const set: ContactFields = {
    salutation: profile.salutation,
    firstName: profile.firstName,
    lastName: profile.lastName,
    email: profile.email,
    themes: [...profile.themes],
  };
  const unset: Unset = {};
  if (profile.municipality) {
    set.municipality = { ags: profile.municipality.ags, population: profile.municipality.population };
  } else unset.municipality = '';
  if (profile.academicTitle) set.academicTitle = profile.academicTitle;
  else unset.academicTitle = '';
  if (profile.officeTitle) set.officeTitle = profile.officeTitle;
  else unset.officeTitle = '';
  if (profile.salutationLine) set.salutationLine = profile.salutationLine;
  else unset.salutationLine = '';
  return { set, unset };
}

function toRecord(contact: Contact): ContactRecord {
  return {
    memberId: contact._id,
    salutation: contact.salutation,
    ...(contact.academicTitle ? { academicTitle: contact.academicTitle } : {}),
    ...(contact.officeTitle ? { officeTitle: contact.officeTitle } : {}),
    ...(contact.salutationLine ? { salutationLine: contact.salutationLine } : {}),
    firstName: contact.firstName,
    lastName: contact.lastName,
    email: contact.email,
    status: contact.status,
    ...(contact.personalMessage ? { personalMessage: contact.personalMessage } : {}),
    ...(contact.municipality
      ? { municipality: { ags: contact.municipality.ags, population: contact.municipality.population } }
      : {}),
    themes: [...(contact.themes ?? [])],
    announcementsOptOut: contact.announcementsOptOut ?? false,
  };
}
