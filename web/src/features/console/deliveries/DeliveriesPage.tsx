import { useId, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { SelectField, TextField } from '../../../components/Fields';
import { Page } from '../../../components/Page';
import { Empty, ErrorNotice, Loading } from '../../../components/States';
import { MoreResults } from '../../../components/MoreResults';
import { RefreshableResults } from '../../../components/RefreshableResults';
import { formatShortDate, formatTime } from '../../../format/dates';
import { texts } from '../../../texts';
import {
  useDeliveries,
  useEventChoices,
  useResendDelivery,
  type Delivery,
  type DeliveryStatus,
  type EventSummary,
  type MailKind,
} from './deliveriesApi';
import {
  DELIVERIES_PATH,
  deliveriesPath,
  filtersOfSearch,
  isEmptySearch,
  paramsOfSearch,
  RECIPIENT_MAX_LENGTH,
  searchFromParams,
  type DeliverySearch,
} from './deliverySearch';
import { ActionNotice } from '../../../components/ActionNotice';

const t = texts.console.deliveries;
const STATUSES = Object.keys(t.statuses) as DeliveryStatus[];
const KINDS = Object.keys(t.kinds) as MailKind[];

const BADGE: Record<DeliveryStatus, string> = {
  queued: 'badge',
  sending: 'badge',
  sent: 'badge badge-success',
  failed: 'badge badge-danger',
};

/** /geschaeftsstelle/versand: the delivery log, filtered (kept in the address), page by page; a failed mail sent again. */
export default function DeliveriesPage() {
  const [params, setParams] = useSearchParams();
  const search = searchFromParams(params);
  const events = useEventChoices();
  const headingId = useId();
  const [pending, setPending] = useState<Delivery | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const resend = useResendDelivery();

  const confirm = () => {
    if (!pending) return;
    resend.mutate(pending.id, {
      onSuccess: () => {
        setNotice(t.resent(pending.subject));
        setPending(null);
      },
    });
  };

  return (
    <Page title={t.title} lead={t.lead}>
      <section aria-labelledby={headingId}>
        <h2 id={headingId}>{t.filters.heading}</h2>
        <SearchForm
          key={params.toString()}
          initial={search}
          events={events.data}
          eventsLoading={events.isPending}
          labelledBy={headingId}
          onSearch={(next) => {
            setNotice(null);
            setParams(paramsOfSearch(next));
          }}
        />
        {search.memberId ? (
          <div className="notice notice-warning">
            <p>{t.filters.member}</p>
            <p>
              <Link to={deliveriesPath({ ...search, memberId: '' })}>{t.filters.memberReset}</Link>
            </p>
          </div>
        ) : null}
      </section>
      <ActionNotice notice={notice} />
      <DeliveryList
        search={search}
        events={events.data}
        onResend={(delivery) => {
          resend.reset();
          setNotice(null);
          setPending(delivery);
        }}
      />
      <ConfirmDialog
        open={pending !== null}
        title={t.resendDialog.title}
        confirmLabel={t.resendDialog.confirm}
        busy={resend.isPending}
        onConfirm={confirm}
        onCancel={() => setPending(null)}
      >
        {pending ? (
          <>
            <p>{t.resendDialog.text(pending.subject, pending.recipient)}</p>
            <p>{t.resendDialog.hint}</p>
            {resend.isError ? <ErrorNotice error={resend.error} /> : null}
          </>
        ) : null}
      </ConfirmDialog>
    </Page>
  );
}

interface SearchFormProps {
  readonly initial: DeliverySearch;
  readonly events: readonly EventSummary[] | undefined;
  readonly eventsLoading: boolean;
  readonly labelledBy: string;
  readonly onSearch: (search: DeliverySearch) => void;
}

function SearchForm({ initial, events, eventsLoading, labelledBy, onSearch }: SearchFormProps) {
  const [search, setSearch] = useState(initial);
  const set = (key: keyof DeliverySearch) => (value: string) => setSearch({ ...search, [key]: value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(search);
  };
  const knownEvent = events?.some((choice) => choice.eventId === search.eventId) ?? false;
  return (
    <form role="search" aria-labelledby={labelledBy} className="filters deliveries-filters" onSubmit={submit}>
      <div className="deliveries-recipient">
        <TextField
          label={t.filters.recipient}
          hint={t.filters.recipientHint}
          type="search"
          name="empfaenger"
          autoComplete="off"
          markOptional={false}
          maxLength={RECIPIENT_MAX_LENGTH}
          value={search.recipient}
          onChange={(event) => set('recipient')(event.target.value)}
        />
      </div>
      <SelectField
        label={t.filters.event}
        markOptional={false}
        value={search.eventId}
        onChange={(event) => set('eventId')(event.target.value)}
      >
        <option value="">{eventsLoading ? t.filters.eventsLoading : t.filters.allEvents}</option>
        {events?.map((choice) => (
          <option key={choice.eventId} value={choice.eventId}>
            {eventLabel(choice)}
          </option>
        ))}
        {search.eventId && !knownEvent ? <option value={search.eventId}>{t.card.eventUnknown}</option> : null}
      </SelectField>
      <SelectField
        label={t.filters.status}
        markOptional={false}
        value={search.status}
        onChange={(event) => set('status')(event.target.value)}
      >
        <option value="">{t.filters.allStatuses}</option>
        {STATUSES.map((code) => (
          <option key={code} value={code}>
            {t.statuses[code]}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t.filters.kind}
        markOptional={false}
        value={search.kind}
        onChange={(event) => set('kind')(event.target.value)}
      >
        <option value="">{t.filters.allKinds}</option>
        {KINDS.map((code) => (
          <option key={code} value={code}>
            {t.kinds[code]}
          </option>
        ))}
      </SelectField>
      <div className="button-row deliveries-filter-buttons">
        <button type="submit" className="button button-primary">
          {t.filters.submit}
        </button>
        {isEmptySearch(initial) ? null : (
          <Link to={DELIVERIES_PATH} className="button button-secondary">
            {t.filters.reset}
          </Link>
        )}
      </div>
    </form>
  );
}

/** „06.12.2026, 05:10 Uhr“: a moment in the log, short. */
function moment(iso: string): string {
  return `${formatShortDate(iso)}, ${formatTime(iso)}`;
}

function eventLabel(event: EventSummary): string {
  const kind = texts.events.kinds[event.kind];
  return event.startsAt
    ? `${event.title} (${kind}, ${formatShortDate(event.startsAt)})`
    : `${event.title} (${kind})`;
}

function DeliveryList({
  search,
  events,
  onResend,
}: {
  readonly search: DeliverySearch;
  readonly events: readonly EventSummary[] | undefined;
  readonly onResend: (delivery: Delivery) => void;
}) {
  const deliveries = useDeliveries(filtersOfSearch(search));
  const headingId = useId();
  const items = deliveries.data?.pages.flatMap((page) => page.items) ?? [];
  const titles = new Map(events?.map((event) => [event.eventId, event.title]));

  let content;
  if (deliveries.isPending) {
    content = <Loading label={t.results.loading} />;
  } else if (deliveries.isError && items.length === 0) {
    content = <ErrorNotice error={deliveries.error} onRetry={() => void deliveries.refetch()} />;
  } else if (items.length === 0) {
    content = (
      <Empty>
        {isEmptySearch(search) ? (
          <p>{t.results.empty}</p>
        ) : (
          <>
            <p>{t.results.emptyFiltered}</p>
            <p>
              <Link to={DELIVERIES_PATH}>{t.filters.reset}</Link>
            </p>
          </>
        )}
      </Empty>
    );
  } else {
    content = (
      <>
        <ul className="card-list delivery-list">
          {items.map((delivery) => (
            <DeliveryCard
              key={delivery.id}
              delivery={delivery}
              eventTitle={delivery.eventId ? titles.get(delivery.eventId) : undefined}
              showMemberLink={!search.memberId}
              onResend={onResend}
            />
          ))}
        </ul>
        <MoreResults pages={deliveries} label={t.results.more} loadingLabel={t.results.loadingMore} />
      </>
    );
  }

  return (
    <RefreshableResults
      headingId={headingId}
      heading={t.results.heading}
      refreshLabel={t.refresh}
      isFetching={deliveries.isFetching}
      onRefresh={() => void deliveries.refetch()}
      count={
        deliveries.isSuccess && items.length > 0
          ? `${deliveries.hasNextPage ? t.results.countSoFar(items.length) : t.results.countAll(items.length)}. ${t.results.newestFirst}`
          : null
      }
    >
      {content}
    </RefreshableResults>
  );
}

function DeliveryCard({
  delivery,
  eventTitle,
  showMemberLink,
  onResend,
}: {
  readonly delivery: Delivery;
  readonly eventTitle: string | undefined;
  readonly showMemberLink: boolean;
  readonly onResend: (delivery: Delivery) => void;
}) {
  const failed = delivery.status === 'failed';
  return (
    <li className="card delivery-card">
      <div className="delivery-card-head">
        <h3>{delivery.subject}</h3>
        <span className={BADGE[delivery.status]}>
          <span className="visually-hidden">{t.card.state}: </span>
          {t.statuses[delivery.status]}
        </span>
      </div>
      <dl className="facts delivery-card-facts">
        <dt>{t.card.kind}</dt>
        <dd>{t.kinds[delivery.kind]}</dd>
        <dt>{t.card.recipient}</dt>
        <dd className="delivery-recipient">{delivery.recipient}</dd>
        <dt>{t.card.createdAt}</dt>
        <dd>{moment(delivery.createdAt)}</dd>
        {delivery.sentAt ? (
          <>
            <dt>{t.card.sentAt}</dt>
            <dd>{moment(delivery.sentAt)}</dd>
          </>
        ) : null}
        <dt>{t.card.attempts}</dt>
        <dd>{t.card.attemptsValue(delivery.attempts)}</dd>
        {delivery.lastError ? (
          <>
            <dt>{failed ? t.card.smtpAnswer : t.card.lastAnswer}</dt>
            <dd>
              <code className="delivery-answer">{delivery.lastError}</code>
            </dd>
          </>
        ) : null}
        {delivery.eventId ? (
          <>
            <dt>{t.card.event}</dt>
            <dd>
              <Link to={`/geschaeftsstelle/veranstaltungen/${delivery.eventId}`}>
                {eventTitle ?? t.card.eventUnknown}
              </Link>
            </dd>
          </>
        ) : null}
      </dl>
      {delivery.memberId && showMemberLink ? (
        <p>
          <Link to={deliveriesPath({ memberId: delivery.memberId })}>{t.card.memberMails}</Link>
        </p>
      ) : null}
      {failed && delivery.kind === 'sign-in-link' ? (
        <p className="meta">{t.card.signInLinkNoResend}</p>
      ) : null}
      {failed && delivery.kind !== 'sign-in-link' ? (
        <div className="button-row">
          <button
            type="button"
            className="button button-primary"
            aria-label={t.card.resendFor(delivery.subject, delivery.recipient)}
            onClick={() => onResend(delivery)}
          >
            {t.card.resend}
          </button>
        </div>
      ) : null}
    </li>
  );
}
