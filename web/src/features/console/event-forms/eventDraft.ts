import type { components } from '../../../api/openapi';
import type { FieldProblem } from '../../../api/problem';
import {
  addDays,
  berlinInstant,
  berlinWallTimeOf,
  isBefore,
  type BerlinInstant,
} from '../../../format/berlinTime';
import { texts } from '../../../texts';

type Schemas = components['schemas'];
export type EventDetail = Schemas['EventResponse'];
export type EventKind = EventDetail['kind'];
export type Theme = EventDetail['themes'][number];
export type FederalState = Schemas['VenueResponse']['federalState'];
export type Audience = EventDetail['audience'];
export type AnnounceTo = EventDetail['announceTo'];
export type SessionKind = Schemas['AgendaSessionResponse']['kind'];
export type DelegationRole = Schemas['DelegationRuleDto']['suggestedRoles'][number];
export type ForumRequest = Schemas['CreateForumRequest'];
export type LoungeRequest = Schemas['CreateLoungeRequest'];
export type CircleRequest = Schemas['CreateCircleRequest'];
export type EventRequest =
  | { readonly kind: 'deutschlandforum'; readonly body: ForumRequest }
  | { readonly kind: 'innovators-lounge'; readonly body: LoungeRequest }
  | { readonly kind: 'kommunalzirkel'; readonly body: CircleRequest };

const e = texts.console.eventForms.errors;

export const EVENT_KINDS = [
  'deutschlandforum',
  'innovators-lounge',
  'kommunalzirkel',
] as const satisfies readonly EventKind[];
export const THEMES = Object.keys(texts.events.themes) as Theme[];
export const FEDERAL_STATES = Object.keys(texts.common.federalStates) as FederalState[];
export const SESSION_KINDS = Object.keys(texts.events.sessionKinds) as SessionKind[];
export const DELEGATION_ROLES = Object.keys(texts.events.delegationRoles) as DelegationRole[];

export function isEventKind(value: string | undefined): value is EventKind {
  return (EVENT_KINDS as readonly string[]).includes(value ?? '');
}

// ---------------------------------------------------------------- the form's state

export interface VenueDraft {
  readonly name: string;
  readonly street: string;
  readonly postalCode: string;
  readonly city: string;
  readonly federalState: FederalState | '';
}

export interface SpeakerDraft {
  readonly key: number;
  /** A member of the club (name and organisation come from their profile). */
  readonly memberId?: string;
  readonly name: string;
  readonly organisation: string;
  readonly bio: string;
}

export interface SessionDraft {
  readonly key: number;
  readonly sessionId?: string;
  readonly kind: SessionKind;
  readonly title: string;
  readonly abstract: string;
  readonly date: string;
  readonly startTime: string;
  readonly endTime: string;
  readonly room: string;
  readonly capacity: string;
  readonly speakers: readonly SpeakerDraft[];
}

export interface ModuleDraft {
  readonly key: number;
  readonly moduleId?: string;
  readonly title: string;
  /** false: „Termin folgt“. */
  readonly dated: boolean;
  readonly date: string;
  readonly startTime: string;
  readonly endTime: string;
  readonly dateNote: string;
  readonly place: string;
  /** One guiding question per line. */
  readonly questions: string;
}

/** Everything the form holds, as the inputs hold it (text); the kind's own parts are used by that kind. */
export interface EventDraft {
  readonly kind: EventKind;
  readonly title: string;
  readonly summary: string;
  readonly description: string;
  readonly themes: readonly Theme[];
  readonly capacity: string;
  /** Registration opens when the office announces the event (a draft only). */
  readonly opensWithAnnouncement: boolean;
  readonly opensDate: string;
  readonly opensTime: string;
  readonly closesDate: string;
  readonly closesTime: string;
  /** The closing follows the start (three days before) until the office sets it. */
  readonly closesFollowStart: boolean;
  readonly audience: Audience;
  readonly announceTo: AnnounceTo;
  readonly targetStates: readonly FederalState[];
  readonly maxPopulation: string;
  // Deutschlandforum and Lounge
  readonly startDate: string;
  readonly startTime: string;
  readonly endDate: string;
  readonly endTime: string;
  /** The forum's end follows its start to the next day until the office sets it. */
  readonly endFollowsStart: boolean;
  readonly venue: VenueDraft;
  // Deutschlandforum
  readonly leitgedanke: string;
  readonly edition: string;
  readonly sessions: readonly SessionDraft[];
  // Lounge
  readonly topic: string;
  readonly hostName: string;
  readonly hostAgs: string;
  readonly hostState: FederalState | '';
  // Kommunalzirkel
  readonly modules: readonly ModuleDraft[];
  readonly maxPeople: string;
  readonly suggestedRoles: readonly DelegationRole[];
  readonly fee: string;
  readonly feeNote: string;
}

let nextKey = 1;
export const newKey = (): number => nextKey++;

const emptyVenue: VenueDraft = { name: '', street: '', postalCode: '', city: '', federalState: '' };

export function blankSession(kind: SessionKind, date: string): SessionDraft {
  return {
    key: newKey(),
    kind,
    title: '',
    abstract: '',
    date,
    startTime: '',
    endTime: '',
    room: '',
    capacity: kind === 'workshop' ? '30' : '',
    speakers: [],
  };
}

export function blankModule(n: number): ModuleDraft {
  return {
    key: newKey(),
    title: `Modul ${n}: `,
    dated: true,
    date: '',
    startTime: '10:00',
    endTime: '16:00',
    dateNote: '',
    place: '',
    questions: '',
  };
}

export function blankSpeaker(): SpeakerDraft {
  return { key: newKey(), name: '', organisation: '', bio: '' };
}

/** A new event of a kind with the defaults the hints state. */
export function newDraft(kind: EventKind): EventDraft {
  return {
    kind,
    title: '',
    summary: '',
    description: '',
    themes: [],
    capacity: kind === 'deutschlandforum' ? '200' : kind === 'innovators-lounge' ? '40' : '30',
    opensWithAnnouncement: true,
    opensDate: '',
    opensTime: '09:00',
    closesDate: '',
    closesTime: '23:59',
    closesFollowStart: true,
    audience: kind === 'kommunalzirkel' ? 'target-group' : 'members',
    announceTo: 'all-members',
    targetStates: [],
    maxPopulation: '',
    startDate: '',
    startTime: kind === 'innovators-lounge' ? '18:00' : '09:30',
    endDate: '',
    endTime: kind === 'innovators-lounge' ? '21:00' : '16:00',
    endFollowsStart: true,
    venue: emptyVenue,
    leitgedanke: '',
    edition: '',
    sessions: [],
    topic: '',
    hostName: '',
    hostAgs: '',
    hostState: '',
    modules: kind === 'kommunalzirkel' ? [blankModule(1)] : [],
    maxPeople: '3',
    suggestedRoles: ['mayor', 'administration', 'civil-society'],
    fee: '0',
    feeNote: '',
  };
}

/** The day an event starts, as the form holds it: a Kommunalzirkel's first dated module. */
export function startDay(draft: EventDraft): string {
  if (draft.kind !== 'kommunalzirkel') return draft.startDate;
  const days = draft.modules.filter((module) => module.dated && module.date).map((module) => module.date);
  return days.sort()[0] ?? '';
}

/**
 * Keeps what follows the start in step after a change: the forum's end on the next day, the
 * registration's close three days before the start at 23:59, each until the office sets it.
 */
export function withDerivedDates(draft: EventDraft): EventDraft {
  let next = draft;
  if (next.kind === 'deutschlandforum' && next.endFollowsStart && next.startDate) {
    next = { ...next, endDate: addDays(next.startDate, 1) };
  }
  if (next.kind === 'innovators-lounge') next = { ...next, endDate: next.startDate };
  const start = startDay(next);
  if (next.closesFollowStart && start)
    next = { ...next, closesDate: addDays(start, -3), closesTime: '23:59' };
  return next;
}

/** The form of an event as it is now (to change it). */
export function draftOf(event: EventDetail, now: Date): EventDraft {
  const base = newDraft(event.kind);
  const opens = berlinWallTimeOf(event.registration.opensAt);
  const closes = berlinWallTimeOf(event.registration.closesAt);
  const start = event.startsAt ? berlinWallTimeOf(event.startsAt) : undefined;
  const end = event.endsAt ? berlinWallTimeOf(event.endsAt) : undefined;
  return {
    ...base,
    title: event.title,
    summary: event.summary ?? '',
    description: event.description,
    themes: [...event.themes],
    capacity: String(event.capacity),
    opensWithAnnouncement:
      event.status === 'draft' && Date.parse(event.registration.opensAt) <= now.getTime(),
    opensDate: opens.date,
    opensTime: opens.time,
    closesDate: closes.date,
    closesTime: closes.time,
    closesFollowStart: false,
    audience: event.audience,
    announceTo: event.announceTo,
    targetStates: [...(event.targetGroup?.federalStates ?? [])],
    maxPopulation:
      event.targetGroup?.maxPopulation === undefined ? '' : String(event.targetGroup.maxPopulation),
    startDate: start?.date ?? '',
    startTime: start?.time ?? base.startTime,
    endDate: end?.date ?? '',
    endTime: end?.time ?? base.endTime,
    endFollowsStart: false,
    venue: event.venue
      ? {
          name: event.venue.name,
          street: event.venue.street ?? '',
          postalCode: event.venue.postalCode ?? '',
          city: event.venue.city,
          federalState: event.venue.federalState,
        }
      : emptyVenue,
    leitgedanke: event.forum?.leitgedanke ?? '',
    edition: event.forum?.edition === undefined ? '' : String(event.forum.edition),
    sessions: (event.forum?.sessions ?? []).map((session) => {
      const from = berlinWallTimeOf(session.startsAt);
      return {
        key: newKey(),
        sessionId: session.sessionId,
        kind: session.kind,
        title: session.title,
        abstract: session.abstract ?? '',
        date: from.date,
        startTime: from.time,
        endTime: berlinWallTimeOf(session.endsAt).time,
        room: session.room ?? '',
        capacity: session.capacity === undefined ? '' : String(session.capacity),
        speakers: session.speakers.map((speaker) => ({
          key: newKey(),
          ...(speaker.kind === 'member' && speaker.memberId ? { memberId: speaker.memberId } : {}),
          name: speaker.name,
          organisation: speaker.organisation ?? '',
          bio: speaker.bio ?? '',
        })),
      };
    }),
    topic: event.lounge?.topic ?? '',
    hostName: event.lounge?.host.name ?? '',
    hostAgs: event.lounge?.host.ags ?? '',
    hostState: event.lounge?.host.federalState ?? '',
    modules: (event.circle?.modules ?? []).map((module) => {
      const from = module.startsAt ? berlinWallTimeOf(module.startsAt) : undefined;
      const to = module.endsAt ? berlinWallTimeOf(module.endsAt) : undefined;
      return {
        key: newKey(),
        moduleId: module.moduleId,
        title: module.title,
        dated: Boolean(from && to),
        date: from?.date ?? '',
        startTime: from?.time ?? '10:00',
        endTime: to?.time ?? '16:00',
        dateNote: module.dateNote ?? '',
        place: module.place ?? '',
        questions: module.guidingQuestions.join('\n'),
      };
    }),
    maxPeople: String(event.circle?.delegation.maxPeople ?? base.maxPeople),
    suggestedRoles: [...(event.circle?.delegation.suggestedRoles ?? base.suggestedRoles)],
    fee: event.circle ? centsInWords(event.circle.feeCents) : base.fee,
    feeNote: event.circle?.feeNote ?? '',
  };
}

function centsInWords(cents: number): string {
  return cents % 100 === 0
    ? String(cents / 100)
    : (cents / 100).toLocaleString('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

// ---------------------------------------------------------------- from the form to the request

/** The request and the form's own findings, named like the API names its fields. */
export interface Built {
  readonly request: EventRequest;
  readonly problems: readonly FieldProblem[];
}

// eslint-disable-next-line no-control-regex -- matching control characters is the point (as the API's check)
const SINGLE_LINE = /^[^\u0000-\u001f\u007f]*$/;
const INTEGER = /^\d+$/;

class Checks {
  readonly problems: FieldProblem[] = [];

  add(field: string, message: string): void {
    this.problems.push({ field, message });
  }

  /** Trimmed text between min and max characters on one line; '' when optional and left empty. */
  line(field: string, value: string, max: number, message: string, { min = 1, optional = false } = {}) {
    const text = value.trim();
    if (optional && text === '') return '';
    if (text.length < min || text.length > max || !SINGLE_LINE.test(text)) this.add(field, message);
    return text;
  }

  integer(field: string, value: string, min: number, max: number, message: string): number {
    const text = value.trim().replace(/\./g, '');
    const number = Number(text);
    if (!INTEGER.test(text) || number < min || number > max) {
      this.add(field, message);
      return 0;
    }
    return number;
  }

  /** The instant of a day and time, or a problem for the field (both the day's and the time's). */
  instant(field: string, date: string, time: string): string {
    const result: BerlinInstant = berlinInstant(date, time);
    if (result.ok) return result.value;
    const message =
      result.reason === 'missing'
        ? date
          ? e.missingTime
          : e.missingDate
        : result.reason === 'skipped'
          ? e.skipped(date, time)
          : e.invalidDate;
    this.add(field, message);
    return '';
  }

  /** `later` after `earlier` (both known), else a problem for `field`. */
  after(field: string, earlier: string, later: string, message: string): void {
    if (earlier && later && !isBefore(earlier, later)) this.add(field, message);
  }
}

function venueOf(check: Checks, venue: VenueDraft) {
  const name = check.line('venue.name', venue.name, 160, e.venueName);
  const street = check.line('venue.street', venue.street, 160, e.street, { optional: true });
  const postalCode = venue.postalCode.trim();
  if (postalCode && !/^\d{5}$/.test(postalCode)) check.add('venue.postalCode', e.postalCode);
  const city = check.line('venue.city', venue.city, 120, e.city);
  if (!venue.federalState) check.add('venue.federalState', e.federalState);
  return {
    name,
    ...(street ? { street } : {}),
    ...(postalCode ? { postalCode } : {}),
    city,
    federalState: venue.federalState || 'BE',
  };
}

/**
 * The request of the form's state, and what the form finds wrong before asking the server (in the
 * server's field names, so that its refusals and the form's land beside the same fields). `now` is
 * when registration opens if it opens with the announcement. `changing` sends null for optional
 * fields left empty, which clears them on the server.
 */
export function buildRequest(draft: EventDraft, now: Date, changing = false): Built {
  const check = new Checks();
  const title = check.line('title', draft.title, 200, e.title, { min: 3 });
  const summary = draft.summary.trim();
  if (summary.length > 500) check.add('summary', e.summary);
  const description = draft.description.trim();
  if (!description || description.length > 20_000) check.add('description', e.description);
  if (draft.themes.length === 0) check.add('themes', e.themes);
  const capacity = check.integer('capacity', draft.capacity, 0, 100_000, e.capacity);

  const nowWall = berlinWallTimeOf(now.toISOString());
  const opensAt = draft.opensWithAnnouncement
    ? check.instant('registration.opensAt', nowWall.date, nowWall.time)
    : check.instant('registration.opensAt', draft.opensDate, draft.opensTime);
  const closesAt = check.instant('registration.closesAt', draft.closesDate, draft.closesTime);
  check.after('registration.closesAt', opensAt, closesAt, e.closesBeforeOpens);

  const targetGroupWanted = draft.kind === 'kommunalzirkel' || draft.audience === 'target-group';
  let targetGroup: { federalStates: FederalState[]; maxPopulation?: number } | undefined;
  if (targetGroupWanted) {
    if (draft.targetStates.length === 0) check.add('targetGroup.federalStates', e.targetStates);
    const population = draft.maxPopulation.trim();
    targetGroup = {
      federalStates: [...draft.targetStates],
      ...(population
        ? {
            maxPopulation: check.integer(
              'targetGroup.maxPopulation',
              population,
              1,
              5_000_000,
              e.maxPopulation,
            ),
          }
        : {}),
    };
  }

  const base = {
    title,
    ...(summary ? { summary } : changing ? { summary: null } : {}),
    description,
    themes: [...draft.themes],
    capacity,
    registration: { opensAt, closesAt },
    audience: draft.kind === 'kommunalzirkel' ? ('target-group' as const) : draft.audience,
    announceTo: draft.announceTo,
    ...(targetGroup ? { targetGroup } : changing ? { targetGroup: null } : {}),
  };

  if (draft.kind === 'kommunalzirkel') {
    const built = circleOf(check, draft, base, changing);
    if (closesAt && built.firstStart && isBefore(built.firstStart, closesAt)) {
      check.add('registration.closesAt', e.closesAfterFirstModule);
    }
    return { request: { kind: draft.kind, body: built.body }, problems: check.problems };
  }

  const startsAt = check.instant('startsAt', draft.startDate, draft.startTime);
  const endsAt =
    draft.kind === 'innovators-lounge'
      ? check.instant('endsAt', draft.startDate, draft.endTime)
      : check.instant('endsAt', draft.endDate, draft.endTime);
  check.after('endsAt', startsAt, endsAt, e.endBeforeStart);
  if (closesAt && startsAt && isBefore(startsAt, closesAt))
    check.add('registration.closesAt', e.closesAfterStart);
  const venue = venueOf(check, draft.venue);

  if (draft.kind === 'innovators-lounge') {
    const topic = check.line('topic', draft.topic, 300, e.topic);
    const hostName = check.line('host.name', draft.hostName, 120, e.hostName);
    const ags = draft.hostAgs.trim();
    if (ags && !/^(0[1-9]|1[0-6])\d{6}$/.test(ags)) check.add('host.ags', e.hostAgs);
    if (!draft.hostState) check.add('host.federalState', e.federalState);
    const body: LoungeRequest = {
      ...base,
      startsAt,
      endsAt,
      topic,
      host: {
        name: hostName,
        ...(ags ? { ags } : {}),
        federalState: draft.hostState || 'BE',
      },
      venue,
    };
    return { request: { kind: draft.kind, body }, problems: check.problems };
  }

  const leitgedanke = check.line('leitgedanke', draft.leitgedanke, 300, e.leitgedanke);
  const editionText = draft.edition.trim();
  const edition = editionText ? check.integer('edition', editionText, 1, 1000, e.edition) : undefined;
  const sessions = draft.sessions.map((session, index) => sessionOf(check, session, index));
  const body: ForumRequest = {
    ...base,
    startsAt,
    endsAt,
    leitgedanke,
    ...(edition !== undefined ? { edition } : changing ? { edition: null } : {}),
    venue,
    sessions,
  };
  return { request: { kind: draft.kind, body }, problems: check.problems };
}

function sessionOf(check: Checks, session: SessionDraft, index: number): ForumRequest['sessions'][number] {
  const at = `sessions.${index}`;
  const title = check.line(`${at}.title`, session.title, 200, e.sessionTitle);
  const startsAt = check.instant(`${at}.startsAt`, session.date, session.startTime);
  const endsAt = check.instant(`${at}.endsAt`, session.date, session.endTime);
  check.after(`${at}.endsAt`, startsAt, endsAt, e.endBeforeStart);
  const room = check.line(`${at}.room`, session.room, 120, e.sessionRoom, { optional: true });
  const abstract = session.abstract.trim();
  if (abstract.length > 4000) check.add(`${at}.abstract`, e.sessionAbstract);
  const capacity =
    session.kind === 'workshop'
      ? check.integer(`${at}.capacity`, session.capacity, 0, 10_000, e.workshopCapacity)
      : undefined;
  const speakers = session.speakers.map((speaker, speakerIndex) => {
    const where = `${at}.speakers.${speakerIndex}`;
    const bio = speaker.bio.trim();
    if (bio.length > 2000) check.add(`${where}.bio`, e.speakerBio);
    if (speaker.memberId) return { memberId: speaker.memberId, ...(bio ? { bio } : {}) };
    const name = check.line(`${where}.name`, speaker.name, 160, e.speakerName);
    const organisation = check.line(
      `${where}.organisation`,
      speaker.organisation,
      160,
      e.speakerOrganisation,
    );
    return { name, organisation, ...(bio ? { bio } : {}) };
  });
  return {
    ...(session.sessionId ? { sessionId: session.sessionId } : {}),
    kind: session.kind,
    title,
    ...(abstract ? { abstract } : {}),
    startsAt,
    endsAt,
    ...(room ? { room } : {}),
    speakers,
    ...(capacity !== undefined ? { capacity } : {}),
  };
}

function circleOf(
  check: Checks,
  draft: EventDraft,
  base: Omit<CircleRequest, 'modules' | 'delegation' | 'feeCents' | 'feeNote'>,
  changing: boolean,
): { body: CircleRequest; firstStart: string | undefined } {
  if (draft.modules.length === 0) check.add('modules', e.noModules);
  else if (!draft.modules.some((module) => module.dated)) check.add('modules', e.noDatedModule);
  const starts: string[] = [];
  const modules = draft.modules.map((module, index) => {
    const at = `modules.${index}`;
    const title = check.line(`${at}.title`, module.title, 200, e.moduleTitle);
    const place = check.line(`${at}.place`, module.place, 200, e.modulePlace, { optional: true });
    const questions = module.questions
      .split('\n')
      .map((question) => question.trim())
      .filter(Boolean);
    if (questions.length > 20 || questions.some((question) => question.length > 500)) {
      check.add(`${at}.guidingQuestions`, e.moduleQuestions);
    }
    const common = {
      ...(module.moduleId ? { moduleId: module.moduleId } : {}),
      title,
      ...(place ? { place } : {}),
    };
    if (!module.dated) {
      const dateNote = check.line(`${at}.dateNote`, module.dateNote, 120, e.moduleDateNote, {
        optional: true,
      });
      return { ...common, ...(dateNote ? { dateNote } : {}), guidingQuestions: questions };
    }
    const startsAt = check.instant(`${at}.startsAt`, module.date, module.startTime);
    const endsAt = check.instant(`${at}.endsAt`, module.date, module.endTime);
    check.after(`${at}.endsAt`, startsAt, endsAt, e.endBeforeStart);
    if (startsAt) starts.push(startsAt);
    return { ...common, startsAt, endsAt, guidingQuestions: questions };
  });
  const maxPeople = check.integer('delegation.maxPeople', draft.maxPeople, 1, 20, e.maxPeople);
  const feeCents = feeInCents(draft.fee);
  if (feeCents === undefined) check.add('feeCents', e.fee);
  const feeNote = check.line('feeNote', draft.feeNote, 300, e.feeNote, { optional: true });
  const firstStart = starts.sort((a, b) => Date.parse(a) - Date.parse(b))[0];
  return {
    body: {
      ...base,
      modules,
      delegation: { maxPeople, suggestedRoles: [...draft.suggestedRoles] },
      feeCents: feeCents ?? 0,
      ...(feeNote ? { feeNote } : changing ? { feeNote: null } : {}),
    },
    firstStart,
  };
}

/** „49,50“, „49.50“, „49“ or „0“ Euro in cents; undefined when it is no amount. */
export function feeInCents(text: string): number | undefined {
  const match = /^(\d{1,6})(?:[,.](\d{1,2}))?$/.exec(text.trim().replace(/\s*€$/, ''));
  if (!match) return undefined;
  return Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
}

// ---------------------------------------------------------------- the server's answer in the form's words

/** The form's sentence for a field the server refused as malformed (its own words name code values). */
export function sentenceFor(field: string): string {
  const parts = field.split('.');
  const last = parts.at(-1) ?? '';
  const parent = parts.length > 1 ? parts[0] : '';
  if (parent === 'sessions') {
    if (parts.includes('speakers')) {
      return (
        {
          name: e.speakerName,
          organisation: e.speakerOrganisation,
          bio: e.speakerBio,
          memberId: e.speakerMember,
        }[last] ?? e.other
      );
    }
    return (
      {
        title: e.sessionTitle,
        room: e.sessionRoom,
        abstract: e.sessionAbstract,
        capacity: e.workshopCapacity,
        startsAt: e.invalidDate,
        endsAt: e.invalidDate,
      }[last] ?? e.other
    );
  }
  if (parent === 'modules') {
    return (
      {
        title: e.moduleTitle,
        place: e.modulePlace,
        dateNote: e.moduleDateNote,
        guidingQuestions: e.moduleQuestions,
        startsAt: e.invalidDate,
        endsAt: e.invalidDate,
      }[last] ?? e.other
    );
  }
  if (parent === 'venue') {
    return (
      {
        name: e.venueName,
        street: e.street,
        postalCode: e.postalCode,
        city: e.city,
        federalState: e.federalState,
      }[last] ?? e.other
    );
  }
  if (parent === 'host')
    return { name: e.hostName, ags: e.hostAgs, federalState: e.federalState }[last] ?? e.other;
  if (parent === 'targetGroup') return last === 'maxPopulation' ? e.maxPopulation : e.targetStates;
  if (parent === 'registration' || last === 'startsAt' || last === 'endsAt') return e.invalidDate;
  if (parent === 'delegation') return e.maxPeople;
  const top: Record<string, string> = {
    title: e.title,
    summary: e.summary,
    description: e.description,
    themes: e.themes,
    capacity: e.capacity,
    leitgedanke: e.leitgedanke,
    edition: e.edition,
    topic: e.topic,
    feeCents: e.fee,
    feeNote: e.feeNote,
    modules: e.noModules,
    targetGroup: e.targetStates,
  };
  return top[field] ?? e.other;
}

/** How the error summary names a field: „Programmpunkt 3 – Person 1: Name“. */
export function fieldName(field: string): string {
  const names = texts.console.eventForms.fieldNames;
  const parts = field.split('.');
  const words: string[] = [];
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index] ?? '';
    const next = parts[index + 1];
    if (next !== undefined && /^\d+$/.test(next)) {
      const n = Number(next) + 1;
      words.push(
        part === 'sessions'
          ? names.session(n)
          : part === 'modules'
            ? names.module(n)
            : part === 'speakers'
              ? names.speaker(n)
              : `${(names as Record<string, unknown>)[part] as string} ${n}`,
      );
      index++;
      continue;
    }
    const word = (names as Record<string, unknown>)[part];
    if (typeof word === 'string') words.push(word);
  }
  if (words.length === 0) return names.event;
  // The summary names the innermost field, with the groups before it.
  return words.length === 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(' – ')}: ${words.at(-1) ?? ''}`;
}
