import { ClubEventSnapshot, EventsRequests } from '@ic/contracts';
import { randomUUID } from 'node:crypto';
import { eventually, sleep } from '../../support/eventually';
import { EventsService, EventTypes, inMs, loungeRequest, staff } from './events-service';

/**
 * The scheduler keeps its state in the database only: what fell due while it was down happens
 * after the restart, and what an abandoned upload left behind is cleaned up.
 */
describe('Events service scheduler across a restart', () => {
  const service = new EventsService();

  afterAll(async () => {
    await service.stop();
  });

  it('opens, closes and holds an event whose times passed while the service was stopped', async () => {
    await service.start();
    const lounge = await service.send(
      EventsRequests.createLounge,
      loungeRequest({
        title: 'Lounge über den Neustart',
        registration: { opensAt: inMs(4000), closesAt: inMs(6000) },
        startsAt: inMs(6000),
        endsAt: inMs(8000),
      }),
      staff,
    );
    await service.send(EventsRequests.announce, { eventId: lounge.eventId }, staff);
    await service.published(lounge.eventId, [EventTypes.drafted, EventTypes.announced]);
    await service.stopService();
    // What an upload abandoned two days ago leaves behind, for the clean-up on the first pass.
    const abandoned = randomUUID();
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3_600_000);
    await service.db.collection('document_uploads').insertOne({
      _id: abandoned as never,
      eventId: lounge.eventId,
      kind: 'other',
      title: 'Anfahrt',
      fileName: 'anfahrt.pdf',
      mediaType: 'application/pdf',
      sizeBytes: 1_000_000,
      sha256: 'a'.repeat(64),
      chunkCount: 2,
      uploadedBy: { subject: staff.subject, role: 'staff' },
      state: 'receiving',
      createdAt: twoDaysAgo,
      updatedAt: twoDaysAgo,
    });
    await service.db.collection('document_chunks').insertOne({
      _id: `${abandoned}:0` as never,
      uploadId: abandoned,
      index: 0,
      data: Buffer.alloc(512 * 1024),
    });

    await sleep(Math.max(0, Date.parse(lounge.endsAt ?? '') - Date.now()) + 1500);
    const stored = await service.db.collection('events').findOne({ _id: lounge.eventId as never });
    expect(stored).toMatchObject({ status: 'announced', revision: 2 });
    expect(service.eventsOf(lounge.eventId).map((event) => event.type)).toEqual([
      EventTypes.drafted,
      EventTypes.announced,
    ]);

    const restartedAt = Date.now();
    await service.start();
    const events = await service.published(lounge.eventId, [
      EventTypes.drafted,
      EventTypes.announced,
      EventTypes.opened,
      EventTypes.closed,
      EventTypes.held,
    ]);
    expect(events).toHaveLength(5);
    const late = events.slice(2);
    for (const event of late) {
      expect(Date.parse(event.time)).toBeGreaterThanOrEqual(restartedAt);
      expect(event.data).not.toHaveProperty('by');
      expect(event.key).toBe(lounge.eventId);
    }
    expect(
      late.map((event) => [event.data.revision, (event.data.event as ClubEventSnapshot).status]),
    ).toEqual([
      [3, 'registration-open'],
      [4, 'registration-closed'],
      [5, 'held'],
    ]);
    // The line is logged right after the event is published; the child's output may arrive later.
    await eventually(
      () => expect(service.log).toMatch(/Marked as held: \\"Lounge über den Neustart\\"/),
      5_000,
    );
    await expect(service.send(EventsRequests.get, { eventId: lounge.eventId }, staff)).resolves.toMatchObject(
      {
        status: 'held',
        revision: 5,
      },
    );
    await eventually(async () => {
      expect(
        await service.db.collection('document_uploads').countDocuments({ _id: abandoned as never }),
      ).toBe(0);
      expect(await service.db.collection('document_chunks').countDocuments({ uploadId: abandoned })).toBe(0);
    });
  });
});
