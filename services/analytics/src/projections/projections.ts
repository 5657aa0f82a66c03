import { DomainTopics } from '@ic/contracts';
import { mongo } from 'mongoose';
import { ClubEventRow } from '../club-events/club-event-row';
import { ClubEventsProjector } from '../club-events/club-events.projector';
import { MemberKeysRepository } from '../members/member-keys.repository';
import { MemberRow } from '../members/member-row';
import { MembershipProjector } from '../members/membership.projector';
import { WorkingGroupRow } from '../members/working-group-row';
import { EventRegistrationsDocument } from '../registrations/event-registrations';
import { RegistrationsProjector } from '../registrations/registrations.projector';
import { Generation } from './generation';
import { ProjectionRepository } from './projection.repository';
import { TopicProjector } from './topic-projector';

/**
 * The projections of one generation: what each domain topic is folded into. ic.notifications.v1
 * is read (a rebuild replays it, the positions count it) but no figure is made of it yet.
 */
export class Projections {
  readonly clubEvents: ProjectionRepository<ClubEventRow>;
  readonly eventRegistrations: ProjectionRepository<EventRegistrationsDocument>;
  readonly members: ProjectionRepository<MemberRow>;
  readonly workingGroups: ProjectionRepository<WorkingGroupRow>;
  readonly memberKeys: MemberKeysRepository;
  private readonly projectors: ReadonlyMap<string, TopicProjector>;

  constructor(
    db: mongo.Db,
    readonly generation: Generation,
  ) {
    this.clubEvents = new ProjectionRepository(db, generation.collection('club_events'));
    this.eventRegistrations = new ProjectionRepository(db, generation.collection('event_registrations'));
    this.members = new ProjectionRepository(db, generation.collection('members'));
    this.workingGroups = new ProjectionRepository(db, generation.collection('working_groups'));
    this.memberKeys = new MemberKeysRepository(db, generation);
    this.projectors = new Map<string, TopicProjector>([
      [DomainTopics.events, new ClubEventsProjector(this.clubEvents)],
      [DomainTopics.registrations, new RegistrationsProjector(this.eventRegistrations, this.memberKeys)],
      [DomainTopics.membership, new MembershipProjector(this.members, this.workingGroups, this.memberKeys)],
    ]);
  }

  projectorOf(topic: string): TopicProjector | undefined {
    return this.projectors.get(topic);
  }

  forgetCached(): void {
    for (const projector of this.projectors.values()) projector.forgetCached();
  }
}
