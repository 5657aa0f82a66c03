import {
  CircleModule,
  ClubEventSnapshot,
  DelegationRoleNames,
  EventKindNames,
  FederalStates,
  germanTimeSpan,
  TargetGroup,
  Venue,
} from '@ic/contracts';
import { markup, SafeHtml } from '@ic/platform';

/** The parts of an event that its mails show (announcement, registration mails, reminders). */

const number = new Intl.NumberFormat('de-DE');
const euros = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' });

/** The title, with the kind in front when the title does not name it: `Kommunalzirkel „…“`. */
export function eventName(event: Pick<ClubEventSnapshot, 'kind' | 'title'>): string {
  const kind = EventKindNames[event.kind];
  return event.title.includes(kind) ? event.title : `${kind} „${event.title}“`;
}

/** The title as a heading line of the text part: `Kommunalzirkel: …` when the title does not name the kind. */
export function eventHeadline(event: Pick<ClubEventSnapshot, 'kind' | 'title'>): string {
  const kind = EventKindNames[event.kind];
  return event.title.includes(kind) ? event.title : `${kind}: ${event.title}`;
}

/** Which facts a mail shows: all of them (announcement), or what a participant needs (when, where). */
export type FactSelection = 'all' | 'participation';

/** Label and value of each fact the event has, in the order a reader looks for them. */
export function eventFacts(event: ClubEventSnapshot, selection: FactSelection = 'all'): [string, string][] {
  const all = selection === 'all';
  const facts: [string, string | undefined][] = [
    ['Leitgedanke', all ? event.forum?.leitgedanke : undefined],
    ['Thema', all ? event.lounge?.topic : undefined],
    ['Wann', event.circle ? undefined : eventTime(event)],
    ['Wo', event.venue && venueText(event.venue)],
    [
      'Gastgeber',
      event.lounge && `${event.lounge.host.name} (${FederalStates[event.lounge.host.federalState].name})`,
    ],
    ['Zielgruppe', all && event.targetGroup ? targetGroupText(event.targetGroup) : undefined],
    ['Teilnahme', all && event.circle ? delegationText(event.circle.delegation) : undefined],
    ['Kosten', event.circle && feeText(event.circle.feeCents, event.circle.feeNote)],
  ];
  return facts.filter((fact): fact is [string, string] => fact[1] !== undefined);
}

export function eventTime(event: Pick<ClubEventSnapshot, 'startsAt' | 'endsAt'>): string | undefined {
  if (!event.startsAt || !event.endsAt) return undefined;
  return germanTimeSpan(new Date(event.startsAt), new Date(event.endsAt));
}

export function venueText(venue: Venue): string {
  const place = [venue.postalCode, venue.city].filter(Boolean).join(' ');
  return [venue.name, venue.street, place].filter(Boolean).join(', ');
}

/** "Kommunen in Bayern mit bis zu 25.000 Einwohnerinnen und Einwohnern" */
function targetGroupText(targetGroup: TargetGroup): string {
  const names = targetGroup.federalStates.map((code) => FederalStates[code].name);
  const lands = names.length > 1 ? `${names.slice(0, -1).join(', ')} und ${names.at(-1)}` : names[0];
  const size =
    targetGroup.maxPopulation === undefined
      ? ''
      : ` mit bis zu ${number.format(targetGroup.maxPopulation)} Einwohnerinnen und Einwohnern`;
  return `Kommunen in ${lands}${size}`;
}

function delegationText(delegation: NonNullable<ClubEventSnapshot['circle']>['delegation']): string {
  const people = delegation.maxPeople === 1 ? 'eine Person' : `bis zu ${delegation.maxPeople} Personen`;
  const roles = delegation.suggestedRoles.map((role) => DelegationRoleNames[role]);
  return `je Kommune ${people}${roles.length > 0 ? `, am besten ${roles.join(', ')}` : ''}`;
}

function feeText(feeCents: number, feeNote: string | undefined): string {
  const fee = feeCents === 0 ? 'kostenfrei' : euros.format(feeCents / 100);
  return feeNote ? `${fee} (${feeNote})` : fee;
}

/** When a module takes place, or "Termin folgt" with the office's note while its date is open. */
export function moduleTime(module: CircleModule): string {
  if (module.startsAt && module.endsAt) {
    return germanTimeSpan(new Date(module.startsAt), new Date(module.endsAt));
  }
  return module.dateNote ? `Termin folgt (${module.dateNote})` : 'Termin folgt';
}

function moduleLine(module: CircleModule): string {
  return [moduleTime(module), module.place].filter(Boolean).join(', ');
}

export function factsTable(facts: readonly [string, string][]): SafeHtml {
  if (facts.length === 0) return markup``;
  return markup`<table role="presentation" cellpadding="0" cellspacing="0" style="margin:0 0 16px 0;">
${facts.map(([label, value]) => markup`<tr><td style="padding:2px 16px 2px 0;vertical-align:top;font-weight:bold;">${label}</td><td style="padding:2px 0;vertical-align:top;">${value}</td></tr>`)}
</table>`;
}

export function factsText(facts: readonly [string, string][]): string | undefined {
  return facts.length > 0 ? facts.map(([label, value]) => `${label}: ${value}`).join('\n') : undefined;
}

export function modulesHtml(modules: readonly CircleModule[]): SafeHtml {
  if (modules.length === 0) return markup``;
  return markup`<p style="margin:0 0 8px 0;font-weight:bold;">Die Module</p>
<ol style="margin:0 0 16px 0;padding-left:24px;">
${modules.map((module) => markup`<li style="margin:0 0 8px 0;"><strong>${module.title}</strong><br>${moduleLine(module)}</li>`)}
</ol>`;
}

export function modulesText(modules: readonly CircleModule[]): string | undefined {
  if (modules.length === 0) return undefined;
  const lines = modules.map((module, index) => `${index + 1}. ${module.title}\n   ${moduleLine(module)}`);
  return `Die Module:\n${lines.join('\n')}`;
}
