import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { unwrap } from '../../api/problem';
import { useSessionChanged } from '../../api/session';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { CheckboxField, TextAreaField } from '../../components/Fields';
import { ErrorNotice } from '../../components/States';
import { texts } from '../../texts';
import { endBrowserSession } from './api';

/**
 * After leaving or erasing: the session ends, and the person lands on the home page with a notice.
 * The cached answers of the member (and the session) are dropped only once this page has left the
 * screen: while the home page loads, this member-only page is still shown, and a session that is
 * already gone would send it on to „Anmelden“.
 */
function useSignedOutAfterwards(): (notice: string) => Promise<void> {
  const navigate = useNavigate();
  const sessionChanged = useSessionChanged();
  const pageLeft = useRef<Promise<void>>(Promise.resolve());
  useEffect(() => {
    let left = () => {};
    pageLeft.current = new Promise((resolve) => {
      left = resolve;
    });
    return () => left();
  }, []);
  return async (notice) => {
    await endBrowserSession();
    await navigate('/', { replace: true, state: { notice } });
    await pageLeft.current;
    await sessionChanged();
  };
}

const leaveTexts = texts.profile.leave;

/** „Mitgliedschaft beenden“: POST /members/me/leave after a dialog that says what happens. */
export function LeaveSection() {
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const signedOut = useSignedOutAfterwards();
  const leave = useMutation({
    mutationFn: () => {
      const reason = note.trim();
      return unwrap(api.POST('/api/v1/members/me/leave', { body: reason ? { note: reason } : {} }));
    },
    onSuccess: () => signedOut(leaveTexts.done),
  });
  return (
    <>
      <p>{leaveTexts.intro}</p>
      <div className="button-row">
        <button type="button" className="button button-secondary" onClick={() => setOpen(true)}>
          {leaveTexts.open}
        </button>
      </div>
      <ConfirmDialog
        open={open}
        title={leaveTexts.dialogTitle}
        confirmLabel={leaveTexts.confirm}
        destructive
        busy={leave.isPending}
        onConfirm={() => leave.mutate()}
        onCancel={() => {
          setOpen(false);
          leave.reset();
        }}
      >
        <ul>
          {leaveTexts.consequences.map((consequence) => (
            <li key={consequence}>{consequence}</li>
          ))}
        </ul>
        <TextAreaField
          label={leaveTexts.note}
          hint={leaveTexts.noteHint}
          value={note}
          maxLength={2000}
          rows={3}
          onChange={(event) => setNote(event.target.value)}
        />
        {leave.isError ? <ErrorNotice error={leave.error} /> : null}
      </ConfirmDialog>
    </>
  );
}

const eraseTexts = texts.profile.erase;

/**
 * „Meine Daten löschen“ (Art. 17 DSGVO): POST /members/me/erasure with `confirm: true`, only after
 * the member has ticked that their data is to be erased for good.
 */
export function EraseSection() {
  const [open, setOpen] = useState(false);
  const [confirmed, setConfirmed] = useState(false);
  const [confirmMissing, setConfirmMissing] = useState(false);
  const checkbox = useRef<HTMLInputElement>(null);
  const signedOut = useSignedOutAfterwards();
  const erase = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/members/me/erasure', { body: { confirm: true } })),
    onSuccess: () => signedOut(eraseTexts.done),
  });
  const close = () => {
    setOpen(false);
    setConfirmed(false);
    setConfirmMissing(false);
    erase.reset();
  };
  return (
    <>
      <p>{eraseTexts.intro}</p>
      <div className="button-row">
        <button type="button" className="button button-danger" onClick={() => setOpen(true)}>
          {eraseTexts.open}
        </button>
      </div>
      <ConfirmDialog
        open={open}
        title={eraseTexts.dialogTitle}
        confirmLabel={eraseTexts.confirm}
        destructive
        busy={erase.isPending}
        onConfirm={() => {
          if (!confirmed) {
            setConfirmMissing(true);
            checkbox.current?.focus();
            return;
          }
          erase.mutate();
        }}
        onCancel={close}
      >
        <p className="notice notice-warning">
          <strong>{eraseTexts.warning}</strong>
        </p>
        <p>{eraseTexts.whatHappens}</p>
        <ul>
          {eraseTexts.consequences.map((consequence) => (
            <li key={consequence}>{consequence}</li>
          ))}
        </ul>
        <p>{eraseTexts.remains}</p>
        <CheckboxField
          ref={checkbox}
          label={eraseTexts.confirmLabel}
          checked={confirmed}
          error={confirmMissing && !confirmed ? eraseTexts.confirmMissing : undefined}
          onChange={(event) => {
            setConfirmed(event.target.checked);
            if (event.target.checked) setConfirmMissing(false);
          }}
        />
        {erase.isError ? <ErrorNotice error={erase.error} /> : null}
      </ConfirmDialog>
    </>
  );
}
