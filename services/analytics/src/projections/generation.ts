/**
 * A generation of the projections: its own collections and its own consumer group, which reads
 * every domain topic from the beginning. Readers see the current generation; a rebuild fills the
 * next one beside it and makes it current once it has caught up.
 */
export class Generation {
  constructor(
    readonly number: number,
    /** The database's name: two deployments of analytics on one broker never share a group. */
    private readonly database: string,
  ) {}

  static readonly COLLECTION = /^g(\d+)_/;

  get groupId(): string {
    return `analytics.${this.database}.g${this.number}`;
  }

  collection(name: ProjectionCollection): string {
    return `g${this.number}_${name}`;
  }

  static groupPattern(database: string): RegExp {
    return new RegExp(`^analytics\\.${database.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.g(\\d+)$`);
  }
}

export type ProjectionCollection =
  'club_events' | 'event_registrations' | 'members' | 'member_keys' | 'working_groups';
