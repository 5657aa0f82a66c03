import { useId } from 'react';
import { Link, useParams } from 'react-router';
import { ApiProblem } from '../../../api/problem';
import { fullName, roleLine } from '../../../components/memberNames';
import { Page } from '../../../components/Page';
import { ErrorNotice, Loading } from '../../../components/States';
import { formatShortDate } from '../../../format/dates';
import { texts } from '../../../texts';
import { useMember, type Member } from './api';
import { MemberForm } from './MemberForm';
import { EndSection, EraseSection, GroupsSection, HistorySection } from './MemberSections';

const t = texts.console.members;

/** /geschaeftsstelle/mitglieder/{id}: a member's profile to edit, groups, history, end, erase. */
export default function MemberPage() {
  const { memberId = '' } = useParams();
  const member = useMember(memberId);
  if (member.isPending) {
    return (
      <Page title={t.member.titleFallback}>
        <Loading label={t.member.loading} />
      </Page>
    );
  }
  if (member.isError) {
    return (
      <Page title={t.member.titleFallback}>
        <ErrorNotice
          error={member.error}
          onRetry={
            member.error instanceof ApiProblem && member.error.status === 404
              ? undefined
              : () => void member.refetch()
          }
        />
        <p>
          <Link to="/geschaeftsstelle/mitglieder">{t.member.back}</Link>
        </p>
      </Page>
    );
  }
  return <MemberView member={member.data} />;
}

function Section({ heading, children }: { readonly heading: string; readonly children: React.ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="console-member-section">
      <h2 id={id}>{heading}</h2>
      {children}
    </section>
  );
}

function MemberView({ member }: { readonly member: Member }) {
  const editId = useId();
  const status = t.statuses[member.status];
  return (
    <Page title={fullName(member)} lead={roleLine(member)}>
      <p>
        <Link to="/geschaeftsstelle/mitglieder">{t.member.back}</Link>
      </p>
      <dl className="facts console-member-facts">
        <dt>{t.list.columns.status}</dt>
        <dd>
          <span className={`badge ${member.status === 'active' ? 'badge-success' : 'badge-warning'}`}>
            {status}
          </span>{' '}
          {member.leftAt
            ? t.member.leftAt(
                formatShortDate(member.leftAt),
                t.leaveReasons[member.leaveReason ?? 'ended-by-staff'],
              )
            : t.member.joinedAt(formatShortDate(member.joinedAt))}
        </dd>
        <dt>{t.member.contact.email}</dt>
        <dd>
          <a href={`mailto:${member.email}`}>{member.email}</a>
        </dd>
        <dt>{t.member.contact.phone}</dt>
        <dd>{member.phone ?? t.member.contact.none}</dd>
        <dt>{t.member.contact.announcements}</dt>
        <dd>
          {member.announcementsOptOut ? t.member.contact.announcementsOff : t.member.contact.announcementsOn}
        </dd>
      </dl>
      <section aria-labelledby={editId} className="console-member-section">
        <h2 id={editId}>{t.edit.heading}</h2>
        <p>{t.edit.intro}</p>
        <MemberForm key={member.id} member={member} headingId={editId} />
      </section>
      <Section heading={t.groups.heading}>
        <GroupsSection member={member} />
        <p>
          <Link to="/geschaeftsstelle/arbeitsgruppen">{t.groups.manage}</Link>
        </p>
      </Section>
      <Section heading={t.history.heading}>
        <HistorySection member={member} />
      </Section>
      <Section heading={t.end.heading}>
        <EndSection member={member} />
      </Section>
      <Section heading={t.erase.heading}>
        <EraseSection member={member} />
      </Section>
    </Page>
  );
}
