import { compact } from '@ic/platform';
import { ClubEventState, EventPlan } from './club-event';
import { renderMarkdown } from './markdown';

/**
 * The state after the office entered or changed the plan: the plan replaces what was planned
 * (cleared optional fields disappear), the lifecycle stays, and the description is rendered once
 * here, on write, so that readers get the same safe HTML without rendering it each time.
 */
export function stateWithPlan(
  plan: EventPlan,
  lifecycle: Pick<ClubEventState, 'status' | 'documents' | 'cancellation' | 'createdAt'>,
  now: Date,
): ClubEventState {
  return compact({
    ...plan,
    status: lifecycle.status,
    descriptionHtml: renderMarkdown(plan.description),
    documents: lifecycle.documents,
    cancellation: lifecycle.cancellation,
    createdAt: lifecycle.createdAt,
    updatedAt: now,
  });
}

/** Member ids among the speakers of sessions as entered. */
export function speakerMemberIds(
  sessions: readonly { readonly speakers: readonly { memberId?: string }[] }[],
): string[] {
  return sessions.flatMap((session) =>
    session.speakers.flatMap((speaker) => (speaker.memberId ? [speaker.memberId] : [])),
  );
}
