import { FieldError } from '@ic/platform';
import { EventPlan, ModulePlan } from '../club-event';
import { isBefore } from './rule-problems';
import { registrationProblems } from './shared.rules';

/**
 * A Kommunalzirkel: always for its target group; at least one module with a date; a module has a
 * start and an end, or neither while its date is open, and only then a note on the date. Its
 * schedule follows from the modules, so registration closes before the first dated module.
 */
export function circleProblems(plan: EventPlan): FieldError[] {
  const modules = plan.circle?.modules ?? [];
  const problems: FieldError[] = [];
  if (plan.audience !== 'target-group') {
    problems.push({
      field: 'audience',
      message: 'Ein Kommunalzirkel richtet sich immer an seine Zielgruppe (audience target-group).',
    });
  }
  if (!plan.targetGroup) {
    problems.push({
      field: 'targetGroup',
      message: 'Ein Kommunalzirkel braucht eine Zielgruppe (Länder, ggf. höchste Einwohnerzahl).',
    });
  }
  if (!modules.some((module) => module.startsAt && module.endsAt)) {
    problems.push({ field: 'modules', message: 'Mindestens ein Modul braucht einen Termin.' });
  }
  problems.push(...modules.flatMap(moduleProblems), ...duplicateIdProblems(modules));
  return [...problems, ...registrationProblems(plan)];
}

function moduleProblems(module: ModulePlan, index: number): FieldError[] {
  const at = `modules.${index}`;
  const problems: FieldError[] = [];
  if (!module.startsAt !== !module.endsAt) {
    problems.push({
      field: module.startsAt ? `${at}.endsAt` : `${at}.startsAt`,
      message: `„${module.title}“ braucht Beginn und Ende, oder keins von beiden, solange der Termin offen ist.`,
    });
  }
  if (module.startsAt && module.endsAt && !isBefore(module.startsAt, module.endsAt)) {
    problems.push({ field: `${at}.endsAt`, message: `„${module.title}“ muss nach seinem Beginn enden.` });
  }
  if (module.dateNote && (module.startsAt || module.endsAt)) {
    problems.push({
      field: `${at}.dateNote`,
      message: `Ein Hinweis zum Termin gehört nur zu einem Modul ohne Termin; „${module.title}“ hat einen.`,
    });
  }
  return problems;
}

function duplicateIdProblems(modules: readonly ModulePlan[]): FieldError[] {
  return modules.flatMap((module, index) =>
    modules.findIndex((other) => other.moduleId === module.moduleId) < index
      ? [{ field: `modules.${index}.moduleId`, message: 'Zwei Module haben dieselbe Kennung.' }]
      : [],
  );
}

/** A series runs from its first dated module to the end of its last dated one. */
export function circleSchedule(modules: readonly ModulePlan[]): { startsAt?: Date; endsAt?: Date } {
  const dated = modules.flatMap((module) =>
    module.startsAt && module.endsAt
      ? [{ startsAt: module.startsAt.getTime(), endsAt: module.endsAt.getTime() }]
      : [],
  );
  if (dated.length === 0) return {};
  return {
    startsAt: new Date(Math.min(...dated.map((module) => module.startsAt))),
    endsAt: new Date(Math.max(...dated.map((module) => module.endsAt))),
  };
}
