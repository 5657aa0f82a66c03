import {
  FederalState,
  FederalStates,
  germanLongDate,
  germanLongDateTime,
  RegistrationRule,
} from '@ic/contracts';

/** A rule that was not met: its name (the problem's `rule`) and the sentence the person reads. */
export interface Refusal {
  readonly rule: RegistrationRule;
  readonly detail: string;
}

const refusal = (rule: RegistrationRule, detail: string): Refusal => ({ rule, detail });

const population = new Intl.NumberFormat('de-DE');

/** What users read when the registrations service refuses or cannot find something (formal "Sie"). */
export const RegistrationMessages = {
  eventNotFound: 'Diese Veranstaltung gibt es nicht, oder sie ist noch nicht veröffentlicht.',
  registrationNotFound: 'Diese Anmeldung gibt es nicht.',
  changedMeanwhile: 'Die Anmeldung wird gerade gleichzeitig geändert. Bitte versuchen Sie es erneut.',
  personNotFound: 'Diese Person gehört nicht zur Delegation.',
  memberNotFound: 'Dieses Mitglied ist uns nicht bekannt.',
  notYours: 'Diese Anmeldung gehört nicht zu Ihnen.',
  staffFieldsOnly: (field: string) =>
    `${field} kann nur die Geschäftsstelle angeben; als Mitglied melden Sie sich selbst an.`,
  oneRegistrantOnly: 'Bitte geben Sie höchstens eines an: memberId, municipality oder guest.',
  personIdRequired: 'Bei einer Delegation nennen Sie bitte die Person (personId).',
  personIdNotExpected: 'Diese Anmeldung hat keine Delegation; lassen Sie personId weg.',
  cancelledCannotChange: 'Diese Anmeldung ist storniert und kann nicht mehr geändert werden.',
  interestNeedsMember: 'Die Geschäftsstelle trägt Interesse für eine Kommune ein (municipality).',
} as const;

/** Each rule a registration, a change or an interest can be refused by, with its German sentence. */
export const Refusals = {
  memberActive: (): Refusal =>
    refusal('member-active', 'Anmelden können sich nur aktive Mitglieder des Innovators Club.'),
  registrationNotOpen: (opensAt: Date): Refusal =>
    refusal(
      'registration-not-open',
      `Die Anmeldung ist noch nicht geöffnet; sie beginnt am ${germanLongDateTime(opensAt)}.`,
    ),
  registrationClosed: (): Refusal =>
    refusal('registration-closed', 'Die Anmeldung zu dieser Veranstaltung ist geschlossen.'),
  eventCancelled: (): Refusal => refusal('event-cancelled', 'Diese Veranstaltung wurde abgesagt.'),
  eventHeld: (): Refusal => refusal('event-held', 'Diese Veranstaltung hat bereits stattgefunden.'),
  membersOnly: (): Refusal =>
    refusal(
      'members-only',
      'Diese Veranstaltung ist Mitgliedern vorbehalten; Gäste können nicht angemeldet werden.',
    ),
  targetGroupMunicipality: (): Refusal =>
    refusal(
      'target-group-municipality',
      'Diese Veranstaltung richtet sich an Kommunen ihrer Zielgruppe; Ihrem Profil ist keine Kommune zugeordnet.',
    ),
  targetGroupFederalState: (federalStates: readonly FederalState[]): Refusal =>
    refusal(
      'target-group-federal-state',
      `Diese Veranstaltung richtet sich an Kommunen in ${federalStates
        .map((state) => FederalStates[state].name)
        .join(', ')}.`,
    ),
  targetGroupPopulation: (maxPopulation: number): Refusal =>
    refusal(
      'target-group-population',
      `Diese Veranstaltung richtet sich an Kommunen mit höchstens ${population.format(maxPopulation)} Einwohnerinnen und Einwohnern.`,
    ),
  municipalDelegation: (): Refusal =>
    refusal(
      'municipal-delegation',
      'Zum Kommunalzirkel meldet sich eine Kommune an: durch ihr Mitglied aus dem Sektor Kommune oder durch die Geschäftsstelle.',
    ),
  delegationRequired: (): Refusal =>
    refusal('delegation-required', 'Bitte nennen Sie die Personen, die Ihre Kommune entsendet (delegation).'),
  delegationNotOffered: (): Refusal =>
    refusal('delegation-not-offered', 'Delegationen gibt es nur beim Kommunalzirkel.'),
  delegationSize: (maxPeople: number): Refusal =>
    refusal(
      'delegation-size',
      `Eine Kommune kann höchstens ${maxPeople} ${maxPeople === 1 ? 'Person' : 'Personen'} entsenden.`,
    ),
  delegationDuplicatePerson: (email: string): Refusal =>
    refusal(
      'delegation-duplicate-person',
      `Die E-Mail-Adresse ${email} steht mehrfach in der Delegation; jede Person braucht ihre eigene.`,
    ),
  sessionsNotOffered: (): Refusal =>
    refusal('sessions-not-offered', 'Workshops wählen Sie nur beim Deutschlandforum.'),
  workshopUnknown: (): Refusal =>
    refusal(
      'workshop-unknown',
      'Mindestens einer der gewählten Workshops gehört nicht zum Programm dieser Veranstaltung.',
    ),
  workshopParallelSlot: (titles: readonly string[]): Refusal =>
    refusal(
      'workshop-parallel-slot',
      `Diese Workshops finden gleichzeitig statt; bitte wählen Sie einen davon: ${titles.join(', ')}.`,
    ),
  cancellationDeadline: (): Refusal =>
    refusal(
      'cancellation-deadline',
      'Die Anmeldung ist geschlossen; stornieren kann jetzt nur noch die Geschäftsstelle. Bitte wenden Sie sich an sie.',
    ),
  changeDeadline: (): Refusal =>
    refusal(
      'change-deadline',
      'Die Anmeldung ist geschlossen; die Delegation ändert jetzt nur noch die Geschäftsstelle. Bitte wenden Sie sich an sie.',
    ),
  interestNotOpen: (): Refusal =>
    refusal(
      'interest-not-open',
      'Interesse bekunden Sie vor Beginn der Anmeldung; ist sie geöffnet, melden Sie sich bitte direkt an.',
    ),
  attendanceNotConfirmed: (): Refusal =>
    refusal('attendance-not-confirmed', 'Die Anwesenheit wird nur bei bestätigten Anmeldungen vermerkt.'),
  attendanceNotToday: (moduleTitle?: string, startsAt?: Date, endsAt?: Date): Refusal => {
    const what = moduleTitle ? `des Moduls „${moduleTitle}“` : 'der Veranstaltung';
    if (!startsAt || !endsAt)
      return refusal(
        'attendance-not-today',
        `Der Einlass ist nur am Tag ${what} möglich; für ${moduleTitle ? 'dieses Modul' : 'diese Veranstaltung'} steht noch kein Termin fest.`,
      );
    const first = germanLongDate(startsAt);
    const last = germanLongDate(endsAt);
    const days = first === last ? `am ${first}` : `vom ${first} bis zum ${last}`;
    return refusal(
      'attendance-not-today',
      `Der Einlass ist nur am Tag ${what} möglich (${days}); heute wird keine Anwesenheit vermerkt.`,
    );
  },
  attendanceModuleRequired: (): Refusal =>
    refusal(
      'attendance-module-required',
      'Beim Kommunalzirkel wird die Anwesenheit je Modul vermerkt; bitte nennen Sie das Modul (moduleId).',
    ),
  attendanceModuleUnknown: (): Refusal =>
    refusal('attendance-module-unknown', 'Dieses Modul gehört nicht zu diesem Kommunalzirkel.'),
  attendanceModuleNotOffered: (): Refusal =>
    refusal(
      'attendance-module-not-offered',
      'Module gibt es nur beim Kommunalzirkel; lassen Sie moduleId bei dieser Veranstaltung weg.',
    ),
} as const;
