export * from './calendar-entries';
export * from './icalendar';
