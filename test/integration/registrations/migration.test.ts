import { RegistrationReply, RegistrationsRequests } from '@ic/contracts';
import mongoose from 'mongoose';
import { registrationIdOf } from '../../../services/registrations/src/registrations/registrant';
import { testInfrastructure } from '../../support/test-infrastructure';
import { loungeSnapshot } from './registrations-fixtures';
import { RegistrationsService, staff, TestMember, testMember } from './registrations-service';

const SEATS = 2;

/**
 * A database of the version before one document per registration: each event's registrations in
 * one seat book (as JSON text). The service moves them on start, and goes on from where they were.
 */
describe('Registrations: seat books of an earlier version', () => {
  const service = new RegistrationsService();
  const members: TestMember[] = Array.from({ length: 4 }, () => testMember());
  const lounge = loungeSnapshot({ capacity: SEATS });
  const idOf = (member: TestMember) => registrationIdOf(lounge.eventId, `member:${member.memberId}`);

  beforeAll(async () => {
    const registeredAt = new Date(Date.now() - 60_000);
    const entries = members.slice(0, 3).map((member, index) => ({
      registrationId: idOf(member),
      registrantKey: `member:${member.memberId}`,
      registrant: { kind: 'member', memberId: member.memberId, federalState: 'BY', sector: 'Kommune' },
      registeredBy: { subject: member.memberId, role: 'member' },
      status: index < SEATS ? 'confirmed' : 'waiting',
      sequence: index + 1,
      sessions: [],
      revision: 1,
      registeredAt,
      ...(index < SEATS ? { confirmedAt: registeredAt } : {}),
    }));
    const connection = await mongoose
      .createConnection(testInfrastructure().mongodbUri, { dbName: service.database })
      .asPromise();
    try {
      await connection.db!.collection('seat_books').insertOne({
        _id: lounge.eventId as never,
        revision: 3,
        entriesJson: JSON.stringify(entries),
        sequence: 3,
        toldChangeRevision: 0,
        outbox: [],
      });
      await connection
        .db!.collection('registration_lookup')
        .insertMany(
          entries.map((entry) => ({ _id: entry.registrationId as never, eventId: lounge.eventId })),
        );
    } finally {
      await connection.close();
    }
    await service.startFresh();
    await service.publishMembers(...members);
    await service.publishEvent(lounge);
  });

  afterAll(() => service.stop());

  it('moves them into one document per registration and the event counters, and goes on from there', async () => {
    expect(await service.db.collection('seat_books').countDocuments()).toBe(0);
    expect(await service.db.collection('registration_lookup').countDocuments()).toBe(0);
    expect(await service.db.collection('registrations').countDocuments({ eventId: lounge.eventId })).toBe(3);
    expect(
      await service.db.collection('event_seats').findOne({ _id: lounge.eventId as never }),
    ).toMatchObject({
      confirmed: 2,
      waiting: 1,
      sequence: 3,
    });
    const statuses = (list: RegistrationReply[]) =>
      list.map((registration) => [
        registration.registrant.memberId,
        registration.status,
        registration.waitingPlace,
      ]);
    expect(statuses(await service.participants(lounge.eventId))).toEqual([
      [members[0].memberId, 'confirmed', undefined],
      [members[1].memberId, 'confirmed', undefined],
      [members[2].memberId, 'waiting', 1],
    ]);

    // Registering again answers with the moved registration; a newcomer queues behind it.
    await expect(service.register(lounge.eventId, {}, members[2].identity)).resolves.toMatchObject({
      created: false,
      registration: { registrationId: idOf(members[2]), waitingPlace: 1 },
    });
    await expect(service.register(lounge.eventId, {}, members[3].identity)).resolves.toMatchObject({
      created: true,
      registration: { status: 'waiting', waitingPlace: 2 },
    });

    // A moved seat freed goes to the first on the moved waiting list.
    await service.send(RegistrationsRequests.cancel, { registrationId: idOf(members[0]) }, staff);
    expect(statuses(await service.participants(lounge.eventId))).toEqual([
      [members[1].memberId, 'confirmed', undefined],
      [members[2].memberId, 'confirmed', undefined],
      [members[3].memberId, 'waiting', 1],
      [members[0].memberId, 'cancelled', undefined],
    ]);
  });
});
