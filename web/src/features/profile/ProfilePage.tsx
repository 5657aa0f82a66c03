import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Page } from '../../components/Page';
import { ErrorNotice, Loading } from '../../components/States';
import { texts } from '../../texts';
import { fullName, roleLine } from '../../components/memberNames';
import { AnnouncementsSection } from './AnnouncementsSection';
import { useOwnProfile } from './api';
import { EraseSection, LeaveSection } from './EndOfMembershipSections';
import { ProfileForm } from './ProfileForm';
import { StoredDataSection } from './StoredDataSection';
import { WorkingGroupsSection } from './WorkingGroupsSection';

const t = texts.profile;

/** The sections of the page, in order, with their anchors (German, as the page's address shows them). */
const SECTIONS = {
  edit: { id: 'angaben', title: t.edit.heading },
  workingGroups: { id: 'arbeitsgruppen', title: t.workingGroups.heading },
  announcements: { id: 'ankuendigungen', title: t.announcements.heading },
  stored: { id: 'gespeicherte-daten', title: t.stored.heading },
  leave: { id: 'mitgliedschaft-beenden', title: t.leave.heading },
  erase: { id: 'daten-loeschen', title: t.erase.heading },
} as const;

function Section({
  section,
  children,
}: {
  readonly section: keyof typeof SECTIONS;
  readonly children: ReactNode;
}) {
  const { id, title } = SECTIONS[section];
  return (
    <section aria-labelledby={`${id}-titel`} id={id} className="profile-section">
      <h2 id={`${id}-titel`}>{title}</h2>
      {children}
    </section>
  );
}

/** /profil: the member's own profile, working groups, announcements, their data, leaving and erasure. */
export default function ProfilePage() {
  const profile = useOwnProfile();
  if (profile.isPending) return <Loading label={t.loading} />;
  if (profile.isError) {
    return (
      <Page title={t.title}>
        <ErrorNotice error={profile.error} onRetry={() => void profile.refetch()} />
        <p>
          <Link to="/start">{texts.common.nav.start}</Link>
        </p>
      </Page>
    );
  }
  const me = profile.data;
  return (
    <Page title={t.title} lead={[fullName(me), roleLine(me)].filter(Boolean).join(' · ')}>
      <nav aria-label={t.onThisPage} className="profile-toc">
        <ul>
          {Object.values(SECTIONS).map(({ id, title }) => (
            <li key={id}>
              <a href={`#${id}`}>{title}</a>
            </li>
          ))}
        </ul>
      </nav>
      <Section section="edit">
        <p>{t.edit.intro}</p>
        <ProfileForm profile={me} headingId={`${SECTIONS.edit.id}-titel`} />
      </Section>
      <Section section="workingGroups">
        <p>{t.workingGroups.intro}</p>
        <WorkingGroupsSection profile={me} />
      </Section>
      <Section section="announcements">
        <AnnouncementsSection profile={me} />
      </Section>
      <Section section="stored">
        <StoredDataSection profile={me} />
      </Section>
      <Section section="leave">
        <LeaveSection />
      </Section>
      <Section section="erase">
        <EraseSection />
      </Section>
    </Page>
  );
}
