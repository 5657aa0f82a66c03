import { useMemo } from 'react';
import { Link } from 'react-router';
import { Empty, ErrorNotice, Loading } from '../../../components/States';
import { texts } from '../../../texts';
import { csvHref, useMembershipFigures, useWorkingGroupSizes } from './analyticsApi';
import {
  horizontalBarsOption,
  horizontalChartHeight,
  membershipOption,
  SERIES_COLOURS,
} from './chartOptions';
import { formatNumber, monthLabel, type MembershipFigures, type WorkingGroupSizes } from './figures';
import { Figure } from './Figure';

const t = texts.console.analytics;

const MOVEMENTS = [
  { key: 'invited', colour: SERIES_COLOURS.navy },
  { key: 'accepted', colour: SERIES_COLOURS.green },
  { key: 'declined', colour: SERIES_COLOURS.red },
  { key: 'left', colour: SERIES_COLOURS.brown },
] as const;

/** „Mitgliedschaft je Monat“: appointments, acceptances, declines and departures, the members at each month's end. */
export function MembershipFigure() {
  const membership = useMembershipFigures();
  const data = membership.data;
  const option = useMemo(() => optionOf(data), [data]);
  const months = data?.months ?? [];
  const s = t.membership.series;

  let state;
  if (membership.isPending) state = <Loading />;
  else if (membership.isError)
    state = <ErrorNotice error={membership.error} onRetry={() => void membership.refetch()} />;
  else if (months.length === 0) state = <Empty>{t.membership.empty}</Empty>;

  return (
    <Figure
      id="mitgliedschaft"
      heading={t.membership.heading}
      level={2}
      intro={t.membership.intro}
      state={state}
      chart={{
        label: t.membership.chartLabel(months.length, months.at(-1)?.members ?? 0),
        option,
        height: 360,
      }}
      table={
        <table>
          <caption>{t.membership.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.membership.month}</th>
              {MOVEMENTS.map(({ key }) => (
                <th key={key} scope="col" className="numeric">
                  {s[key]}
                </th>
              ))}
              <th scope="col" className="numeric">
                {s.members}
              </th>
            </tr>
          </thead>
          <tbody>
            {months.map((month) => (
              <tr key={month.month}>
                <th scope="row">{monthLabel(month.month, true)}</th>
                {MOVEMENTS.map(({ key }) => (
                  <td key={key} className="numeric">
                    {formatNumber(month[key])}
                  </td>
                ))}
                <td className="numeric">{formatNumber(month.members)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
      csv={{ href: csvHref('/api/v1/analytics/membership.csv'), label: t.membership.csv }}
    >
      {data ? <p className="meta">{t.membership.activeMembers(data.activeMembers)}</p> : null}
    </Figure>
  );
}

function optionOf(data: MembershipFigures | undefined) {
  const months = data?.months ?? [];
  const s = t.membership.series;
  return membershipOption(
    months.map((month) => monthLabel(month.month)),
    MOVEMENTS.map(({ key, colour }) => ({ name: s[key], values: months.map((month) => month[key]), colour })),
    { name: s.members, values: months.map((month) => month.members), colour: SERIES_COLOURS.purple },
  );
}

/** „Arbeitsgruppen“: the active members of each working group. */
export function WorkingGroupsFigure() {
  const groups = useWorkingGroupSizes();
  const data = groups.data;
  const option = useMemo(() => groupsOption(data), [data]);
  const items = data?.items ?? [];

  let state;
  if (groups.isPending) state = <Loading />;
  else if (groups.isError) state = <ErrorNotice error={groups.error} onRetry={() => void groups.refetch()} />;
  else if (items.length === 0) state = <Empty>{t.workingGroups.empty}</Empty>;

  return (
    <Figure
      id="arbeitsgruppen"
      heading={t.workingGroups.heading}
      level={2}
      intro={t.workingGroups.intro}
      state={state}
      chart={{
        label: t.workingGroups.chartLabel(items.length),
        option,
        height: horizontalChartHeight(items.length),
      }}
      table={
        <table>
          <caption>{t.workingGroups.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.workingGroups.group}</th>
              <th scope="col" className="numeric">
                {t.workingGroups.members}
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((group) => (
              <tr key={group.workingGroupId}>
                <th scope="row">
                  <Link to={`/geschaeftsstelle/arbeitsgruppen/${group.workingGroupId}`}>{group.name}</Link>
                </th>
                <td className="numeric">{formatNumber(group.members)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
      csv={{ href: csvHref('/api/v1/analytics/working-groups.csv'), label: t.workingGroups.csv }}
    >
      <p className="meta">
        <Link to="/geschaeftsstelle/arbeitsgruppen">{t.workingGroups.manage}</Link>
      </p>
    </Figure>
  );
}

function groupsOption(data: WorkingGroupSizes | undefined) {
  const items = data?.items ?? [];
  return horizontalBarsOption(
    items.map((group) => group.name),
    [
      {
        name: t.workingGroups.members,
        values: items.map((group) => group.members),
        colour: SERIES_COLOURS.navy,
      },
    ],
  );
}
