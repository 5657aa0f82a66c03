import { useMutation } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/problem';
import { ErrorNotice, Success } from '../../components/States';
import { texts } from '../../texts';
import { useProfileChanged, type OwnProfile } from './api';

const t = texts.profile.announcements;

/** Switching the e-mails about newly announced events off and on again (PATCH announcementsOptOut). */
export function AnnouncementsSection({ profile }: { readonly profile: OwnProfile }) {
  const profileChanged = useProfileChanged();
  const change = useMutation({
    mutationFn: (announcementsOptOut: boolean) =>
      unwrap(api.PATCH('/api/v1/members/me', { body: { announcementsOptOut } })),
    onSuccess: profileChanged,
  });
  const optedOut = profile.announcementsOptOut;
  return (
    <>
      <p>{optedOut ? t.off : t.on}</p>
      <p className="meta">{t.always}</p>
      {change.isSuccess ? (
        <Success>
          <p>{change.data.announcementsOptOut ? t.switchedOff : t.switchedOn}</p>
        </Success>
      ) : null}
      {change.isError ? <ErrorNotice error={change.error} /> : null}
      <div className="button-row">
        <button
          type="button"
          className="button button-secondary"
          // Not disabled while saving: a disabled button would lose the focus.
          aria-disabled={change.isPending || undefined}
          onClick={() => {
            if (!change.isPending) change.mutate(!optedOut);
          }}
        >
          {optedOut ? t.switchOn : t.switchOff}
        </button>
      </div>
    </>
  );
}
