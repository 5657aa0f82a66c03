import { useId, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useSession } from '../../../api/session';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { SelectField, TextAreaField } from '../../../components/Fields';
import { MoreResults } from '../../../components/MoreResults';
import { RefreshableResults } from '../../../components/RefreshableResults';
import { Page } from '../../../components/Page';
import { Empty, ErrorNotice, Loading } from '../../../components/States';
import { formatShortDate, formatTime } from '../../../format/dates';
import { texts } from '../../../texts';
import {
  idempotencyKey,
  useDeadLetterFigures,
  useDeadLetters,
  useDiscardDeadLetter,
  useRedeliverAll,
  useRedeliverDeadLetter,
  useReloadDeadLetters,
  type DeadLetter,
  type DeadLetterState,
  type DeadLetterTopic,
} from './operationsApi';
import { ActionNotice } from '../../../components/ActionNotice';

const t = texts.console.operations;
const STATES = Object.keys(t.states) as DeadLetterState[];
const TOPICS = Object.keys(t.topics) as DeadLetterTopic[];
const NOTE_MIN_LENGTH = 3;
const NOTE_MAX_LENGTH = 1000;

const BADGE: Record<DeadLetterState, string> = {
  open: 'badge badge-danger',
  redelivered: 'badge badge-success',
  discarded: 'badge',
};

type PendingAction =
  | { readonly kind: 'redeliver'; readonly letter: DeadLetter; readonly key: string }
  | { readonly kind: 'discard'; readonly letter: DeadLetter; readonly key: string }
  | { readonly kind: 'redeliver-all'; readonly count: number; readonly key: string };

/**
 * /geschaeftsstelle/betrieb: the dead letters for staff with the operations role: the open ones per
 * topic, the list by state and topic (kept in the address), each redelivered once or discarded with
 * a note, or all open ones redelivered.
 */
export default function OperationsPage() {
  const session = useSession();
  const operator = session.data?.signedIn === true && session.data.operations;
  if (!operator) {
    return (
      <Page title={t.title}>
        <p>{t.notOperator}</p>
      </Page>
    );
  }
  return <DeadLettersSection />;
}

function DeadLettersSection() {
  const [params, setParams] = useSearchParams();
  const state = STATES.find((code) => code === params.get('stand')) ?? 'open';
  const topic = TOPICS.find((code) => code === params.get('herkunft'));
  const [pending, setPending] = useState<PendingAction | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const figures = useDeadLetterFigures();
  const openCount = topic
    ? (figures.data?.openByTopic.find((entry) => entry.topic === topic)?.open ?? 0)
    : (figures.data?.open ?? 0);

  return (
    <Page title={t.title} lead={t.lead}>
      <Figures figures={figures} />
      <Filters
        key={params.toString()}
        state={state}
        topic={topic}
        onShow={(nextState, nextTopic) => {
          setNotice(null);
          setParams({ stand: nextState, ...(nextTopic ? { herkunft: nextTopic } : {}) });
        }}
      />
      <ActionNotice notice={notice} />
      {state === 'open' && openCount > 0 ? (
        <div className="button-row">
          <button
            type="button"
            className="button button-secondary"
            onClick={() => setPending({ kind: 'redeliver-all', count: openCount, key: idempotencyKey() })}
          >
            {t.redeliverAll.button(openCount)}
          </button>
        </div>
      ) : null}
      <DeadLetterList
        state={state}
        topic={topic}
        onRedeliver={(letter) => setPending({ kind: 'redeliver', letter, key: idempotencyKey() })}
        onDiscard={(letter) => setPending({ kind: 'discard', letter, key: idempotencyKey() })}
      />
      {/* One dialog per action (its key): its note and its request start clean. */}
      <ActionDialog
        key={pending?.key}
        pending={pending}
        topic={topic}
        onDone={(message) => {
          setPending(null);
          setNotice(message);
        }}
        onCancel={() => setPending(null)}
      />
    </Page>
  );
}

function Figures({ figures }: { readonly figures: ReturnType<typeof useDeadLetterFigures> }) {
  const headingId = useId();
  let content;
  if (figures.isPending) content = <Loading />;
  else if (figures.isError)
    content = <ErrorNotice error={figures.error} onRetry={() => void figures.refetch()} />;
  else if (figures.data.open === 0) content = <p>{t.figures.none}</p>;
  else {
    content = (
      <>
        <p>{t.figures.total(figures.data.open)}</p>
        <dl className="facts">
          {figures.data.openByTopic.map((entry) => (
            <div key={entry.topic}>
              <dt>{t.topics[entry.topic]}</dt>
              <dd>{entry.open.toLocaleString('de-DE')}</dd>
            </div>
          ))}
        </dl>
      </>
    );
  }
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t.figures.heading}</h2>
      {content}
    </section>
  );
}

function Filters(props: {
  readonly state: DeadLetterState;
  readonly topic: DeadLetterTopic | undefined;
  readonly onShow: (state: DeadLetterState, topic: DeadLetterTopic | undefined) => void;
}) {
  const headingId = useId();
  const [state, setState] = useState(props.state);
  const [topic, setTopic] = useState<DeadLetterTopic | ''>(props.topic ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onShow(state, topic || undefined);
  };
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t.filters.heading}</h2>
      <form role="search" aria-labelledby={headingId} className="filters" onSubmit={submit}>
        <SelectField
          label={t.filters.state}
          markOptional={false}
          value={state}
          onChange={(event) => setState(event.target.value as DeadLetterState)}
        >
          {STATES.map((code) => (
            <option key={code} value={code}>
              {t.states[code]}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t.filters.topic}
          markOptional={false}
          value={topic}
          onChange={(event) => setTopic(event.target.value as DeadLetterTopic | '')}
        >
          <option value="">{t.filters.allTopics}</option>
          {TOPICS.map((code) => (
            <option key={code} value={code}>
              {t.topics[code]}
            </option>
          ))}
        </SelectField>
        <div className="button-row">
          <button type="submit" className="button button-primary">
            {t.filters.submit}
          </button>
        </div>
      </form>
    </section>
  );
}

function DeadLetterList(props: {
  readonly state: DeadLetterState;
  readonly topic: DeadLetterTopic | undefined;
  readonly onRedeliver: (letter: DeadLetter) => void;
  readonly onDiscard: (letter: DeadLetter) => void;
}) {
  const letters = useDeadLetters(props.state, props.topic);
  const reload = useReloadDeadLetters();
  const headingId = useId();
  const items = letters.data?.pages.flatMap((page) => page.items) ?? [];

  let content;
  if (letters.isPending) content = <Loading label={t.results.loading} />;
  else if (letters.isError && items.length === 0) {
    content = <ErrorNotice error={letters.error} onRetry={() => void letters.refetch()} />;
  } else if (items.length === 0) {
    content = (
      <Empty>
        <p>{t.results.empty}</p>
      </Empty>
    );
  } else {
    content = (
      <>
        <ul className="card-list">
          {items.map((letter) => (
            <DeadLetterCard
              key={letter.id}
              letter={letter}
              onRedeliver={props.onRedeliver}
              onDiscard={props.onDiscard}
            />
          ))}
        </ul>
        <MoreResults pages={letters} label={t.results.more} loadingLabel={t.results.loadingMore} />
      </>
    );
  }
  return (
    <RefreshableResults
      headingId={headingId}
      heading={t.results.heading}
      refreshLabel={t.refresh}
      isFetching={letters.isFetching}
      onRefresh={() => void reload()}
      count={
        letters.isSuccess && items.length > 0
          ? `${letters.hasNextPage ? t.results.countSoFar(items.length) : t.results.countAll(items.length)}. ${t.results.newestFirst}`
          : null
      }
    >
      {content}
    </RefreshableResults>
  );
}

/** „RegistrationConfirmed (Anmeldungen)“: what the message was, short. */
function nameOf(letter: DeadLetter): string {
  const type = letter.eventType?.split('.').at(-2) ?? t.card.unknownType;
  return `${type} (${t.topics[letter.topic]})`;
}

function moment(iso: string): string {
  return `${formatShortDate(iso)}, ${formatTime(iso)}`;
}

function DeadLetterCard(props: {
  readonly letter: DeadLetter;
  readonly onRedeliver: (letter: DeadLetter) => void;
  readonly onDiscard: (letter: DeadLetter) => void;
}) {
  const { letter } = props;
  const name = nameOf(letter);
  return (
    <li className="card">
      <div className="delivery-card-head">
        <h3>{name}</h3>
        <span className={BADGE[letter.state]}>
          <span className="visually-hidden">{t.card.state}: </span>
          {t.states[letter.state]}
        </span>
      </div>
      <dl className="facts">
        <dt>{t.card.reason}</dt>
        <dd>{t.reasons[letter.reason]}</dd>
        <dt>{t.card.error}</dt>
        <dd>
          <code className="delivery-answer">{letter.error}</code>
        </dd>
        <dt>{t.card.failedAt}</dt>
        <dd>{moment(letter.failedAt)}</dd>
        <dt>{t.card.topic}</dt>
        <dd>
          {t.topics[letter.topic]} (<code>{letter.topic}</code>)
        </dd>
        <dt>{t.card.group}</dt>
        <dd>
          <code>{letter.group}</code>
        </dd>
        <dt>{t.card.attempts}</dt>
        <dd>{letter.attempts}</dd>
        {letter.eventId ? (
          <>
            <dt>{t.card.eventId}</dt>
            <dd>
              <code className="delivery-answer">{letter.eventId}</code>
            </dd>
          </>
        ) : null}
        <dt>{t.card.id}</dt>
        <dd>
          <code className="delivery-answer">{letter.id}</code>
        </dd>
        {letter.discarded?.note ? (
          <>
            <dt>{t.card.note}</dt>
            <dd>{letter.discarded.note}</dd>
          </>
        ) : null}
      </dl>
      {letter.redelivered ? (
        <p className="meta">{t.card.redelivered(moment(letter.redelivered.at), letter.redelivered.by)}</p>
      ) : null}
      {letter.discarded ? (
        <p className="meta">{t.card.discarded(moment(letter.discarded.at), letter.discarded.by)}</p>
      ) : null}
      {letter.state === 'open' && !letter.redeliverable ? (
        <p className="meta">{t.card.notRedeliverable}</p>
      ) : null}
      {letter.state === 'open' ? (
        <div className="button-row">
          {letter.redeliverable ? (
            <button
              type="button"
              className="button button-primary"
              aria-label={t.card.redeliverFor(name)}
              onClick={() => props.onRedeliver(letter)}
            >
              {t.card.redeliver}
            </button>
          ) : null}
          <button
            type="button"
            className="button button-secondary"
            aria-label={t.card.discardFor(name)}
            onClick={() => props.onDiscard(letter)}
          >
            {t.card.discard}
          </button>
        </div>
      ) : null}
    </li>
  );
}

function ActionDialog(props: {
  readonly pending: PendingAction | null;
  readonly topic: DeadLetterTopic | undefined;
  readonly onDone: (notice: string) => void;
  readonly onCancel: () => void;
}) {
  const redeliver = useRedeliverDeadLetter();
  const redeliverAll = useRedeliverAll();
  const discard = useDiscardDeadLetter();
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | undefined>();
  const { pending } = props;
  const active =
    pending?.kind === 'redeliver' ? redeliver : pending?.kind === 'discard' ? discard : redeliverAll;

  const confirm = () => {
    if (!pending) return;
    if (pending.kind === 'redeliver') {
      redeliver.mutate(
        { deadLetterId: pending.letter.id, key: pending.key },
        { onSuccess: () => props.onDone(t.redelivered(nameOf(pending.letter))) },
      );
    } else if (pending.kind === 'discard') {
      const trimmed = note.trim();
      if (trimmed.length < NOTE_MIN_LENGTH) {
        setNoteError(t.discardDialog.noteMissing);
        return;
      }
      discard.mutate(
        { deadLetterId: pending.letter.id, note: trimmed, key: pending.key },
        { onSuccess: () => props.onDone(t.discarded(nameOf(pending.letter))) },
      );
    } else {
      redeliverAll.mutate(
        { topic: props.topic, key: pending.key },
        { onSuccess: (reply) => props.onDone(t.redeliveredAll(reply.redelivered.length)) },
      );
    }
  };

  let title: string = t.redeliverAll.title;
  let confirmLabel: string = t.redeliverAll.confirm;
  let body = <p>{t.redeliverAll.text}</p>;
  if (pending?.kind === 'redeliver') {
    title = t.redeliverDialog.title;
    confirmLabel = t.redeliverDialog.confirm;
    body = (
      <>
        <p>{t.redeliverDialog.text(nameOf(pending.letter), pending.letter.group)}</p>
        <p>{t.redeliverDialog.hint}</p>
      </>
    );
  } else if (pending?.kind === 'discard') {
    title = t.discardDialog.title;
    confirmLabel = t.discardDialog.confirm;
    body = (
      <>
        <p>{t.discardDialog.text(nameOf(pending.letter))}</p>
        <TextAreaField
          label={t.discardDialog.note}
          hint={t.discardDialog.noteHint}
          error={noteError}
          required
          rows={3}
          maxLength={NOTE_MAX_LENGTH}
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
      </>
    );
  }
  return (
    <ConfirmDialog
      open={pending !== null}
      title={title}
      confirmLabel={confirmLabel}
      busy={active.isPending}
      onConfirm={confirm}
      onCancel={props.onCancel}
    >
      {body}
      {active.isError ? <ErrorNotice error={active.error} /> : null}
    </ConfirmDialog>
  );
}
