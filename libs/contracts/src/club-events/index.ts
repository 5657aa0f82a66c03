export * from './club-event';
export * from './club-events.dto';
export * from './event-drafts.dto';
export * from './event-parts.dto';
export * from './club-events.events';
export * from './club-events.requests';
export * from './vocabulary';
export * from './club-event-reply';
