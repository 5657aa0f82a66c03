import {
  AnalyticsRequests,
  deadLetterTopicOf,
  DLT_HEADERS,
  DomainTopics,
  eventSourceOf,
  ParticipationReply,
  ParticipationRowReply,
  RegistrationWaitlistedEvent,
} from '@ic/contracts';
import { CE_HEADERS, encodeCloudEvent, newCloudEvent } from '@ic/messaging';
import { randomUUID } from 'node:crypto';
import { MemberKeysRepository } from '../../../services/analytics/src/members/member-keys.repository';
import { Generation } from '../../../services/analytics/src/projections/generation';
import { eventually } from '../../support/eventually';
import { TopicReader } from '../../support/kafka-probe';
import { waitlistedChange } from '../../support/registration-changes';
import { uniqueSuffix } from '../../support/test-infrastructure';
import { AnalyticsUnderTest, STAFF, StreamFigures } from './analytics-service';
import { ClubStream } from './club-stream';
import { ParticipationCounts } from './club-stream-base';

/**
 * The analytics service against a produced stream of the club's events (some published twice, as an
 * outbox does after a crash) on real Kafka and the database, killed with SIGKILL while it reads and
 * started again: every figure equals what the test counted itself.
 */
describe('analytics projections', () => {
  const stream = new ClubStream(uniqueSuffix(), { members: 250, events: 16 });
  const analytics = new AnalyticsUnderTest();
  let figures: StreamFigures;

  beforeAll(async () => {
    await analytics.publish(stream, 0);
    const first = await analytics.start();
    const { generation } = await analytics.caughtUp();
    // SIGKILL while it reads the rest, which is still being published (on a quiet machine it would
    // otherwise have read everything before the kill): what it stored but had not committed comes
    // again after the restart, and what was published after the kill is read then.
    const publishing = analytics.publish(stream, 1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await first.kill();
    await publishing;
    const unread = await analytics.unread(generation);
    console.log(`analytics killed with SIGKILL with ${unread} events not yet committed`);
    expect(unread).toBeGreaterThan(0);
    await analytics.start();
    await analytics.caughtUp();
    figures = await analytics.figuresOf(stream);
  });

  afterAll(() => analytics.stop());

  it('produced a stream of a few thousand contract-valid events', () => {
    expect(stream.size).toBeGreaterThan(2500);
  });

  it('counts every event’s registrations exactly: states, waiting list, promotions, attendance, fill rate', () => {
    for (const event of stream.events) {
      const reply = figures.events[event.snapshot.eventId];
      expect({ title: reply.title, status: reply.status }).toEqual({
        title: event.snapshot.title,
        status: event.snapshot.status,
      });
      expect(reply).toMatchObject(stream.expectedFigures(event));
    }
  });

  it('counts the registrations over time per day since registration opened', () => {
    for (const event of stream.events) {
      const reply = figures.events[event.snapshot.eventId];
      const expected = stream.expectedTimeline(event);
      expect({
        registeredBeforeOpening: reply.registeredBeforeOpening,
        perDay: reply.timeline.map((step) => step.registrations),
      }).toEqual(expected);
      expect(reply.timeline.at(-1)?.cumulative).toBe(event.registrations.length);
      expect(Date.parse(reply.registrationOpenedAt ?? '')).toBe(event.openedAt?.getTime());
    }
  });

  it('breaks participation down by federal state, sector, theme and size class exactly', () => {
    for (const event of stream.events) {
      const reply = figures.participation[event.snapshot.eventId];
      const expected = stream.expectedParticipation(event);
      expect(countsOf(reply)).toEqual(expected);
    }
  });

  it('counts invitations, acceptances, declines and departures per Berlin month, and the members', () => {
    const [before, ...months] = figures.membership.months;
    expect(months).toEqual(stream.expectedMonths(before.members));
  });

  it('counts the active members of each working group', () => {
    const byId = (a: { workingGroupId: string }, b: { workingGroupId: string }) =>
      a.workingGroupId.localeCompare(b.workingGroupId);
    expect([...figures.workingGroups].sort(byId)).toEqual(stream.expectedWorkingGroups().sort(byId));
  });

  it('keeps no name, e-mail address, phone or municipality of a member in any collection', async () => {
    const personal = stream.personalData();
    const memberIds = stream.members.map((member) => member.id);
    for (const { name } of await analytics.service.db.listCollections().toArray()) {
      const text = JSON.stringify(await analytics.service.db.collection(name).find({}).toArray());
      const leaked = personal.filter((value) => text.includes(value));
      expect({ collection: name, leaked }).toEqual({ collection: name, leaked: [] });
      // Member ids appear only in the link to the pseudonyms, which an erasure removes.
      if (!name.endsWith('_member_keys')) {
        expect({ collection: name, memberIds: memberIds.filter((id) => text.includes(id)) }).toEqual({
          collection: name,
          memberIds: [],
        });
      }
    }
  });

  it('keeps the figures when a member’s link is removed, as an erasure does, and nothing leads back', async () => {
    const { generation } = await analytics.status();
    const db = analytics.service.db;
    const keys = new MemberKeysRepository(db, new Generation(generation, analytics.service.database));
    const erased = stream.members.filter((member) => member.status === 'active').slice(0, 10);
    await keys.markErased(erased.map((member) => member.id));
    await keys.forgetErased();

    const text = JSON.stringify(
      await Promise.all(
        (await db.listCollections().toArray()).map(({ name }) => db.collection(name).find({}).toArray()),
      ),
    );
    expect(erased.filter((member) => text.includes(member.id))).toEqual([]);
    expect(await analytics.figuresOf(stream)).toEqual(figures);
  });

  it('dead-letters an event that breaks its contract and counts only the valid one beside it', async () => {
    const eventId = randomUUID();
    // A day that does not exist: the timestamp check, which keeps its verdicts, must still refuse it.
    const broken = waitlisted(eventId, 1, '2027-02-29T10:00:00.000Z');
    const valid = waitlisted(eventId, 2, '2027-02-28T10:00:00.000Z');
    const deadLetters = new TopicReader(analytics.kafka, deadLetterTopicOf(DomainTopics.registrations));
    await deadLetters.start();
    try {
      await analytics.kafka.send(DomainTopics.registrations, [
        encodeCloudEvent(broken),
        encodeCloudEvent(valid),
      ]);
      const [deadLetter] = await eventually(
        () => {
          const found = deadLetters.received.filter(
            (message) => message.headers[CE_HEADERS.id] === broken.id,
          );
          if (found.length === 0) throw new Error('not dead-lettered yet');
          return Promise.resolve(found);
        },
        60_000,
        250,
      );
      expect(deadLetter.headers[DLT_HEADERS.reason]).toBe('contract-violation');
      expect(deadLetter.headers[DLT_HEADERS.error]).toMatch(/registeredAt must match format "date-time"/);
      await analytics.caughtUp();
      const participation = await analytics.service.send(AnalyticsRequests.participation, { eventId }, STAFF);
      expect(participation.registered).toBe(1);
      expect(deadLetters.received.some((message) => message.headers[CE_HEADERS.id] === valid.id)).toBe(false);
    } finally {
      await deadLetters.stop();
    }
  });
});

/** A RegistrationWaitlisted event as the registrations service publishes it, registered at `registeredAt`. */
function waitlisted(eventId: string, waitingPlace: number, registeredAt: string) {
  const data = waitlistedChange({ eventId, memberId: randomUUID(), waitingPlace, registeredAt });
  return newCloudEvent({
    type: RegistrationWaitlistedEvent.type,
    source: eventSourceOf('registrations'),
    subject: eventId,
    data,
  });
}

/** The participation reply as the test counts it: totals and the rows that have registrations. */
function countsOf(reply: ParticipationReply) {
  const rows = (list: readonly ParticipationRowReply[]): ParticipationCounts =>
    Object.fromEntries(
      list
        .filter((row) => row.registered > 0)
        .map((row) => [
          row.value ?? '(ohne Angabe)',
          { registered: row.registered, confirmed: row.confirmed, attended: row.attended },
        ]),
    );
  return {
    totals: { registered: reply.registered, confirmed: reply.confirmed, attended: reply.attended },
    byFederalState: rows(reply.byFederalState),
    bySector: rows(reply.bySector),
    byTheme: rows(reply.byTheme),
    bySizeClass: rows(reply.bySizeClass),
  };
}
