import { useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorNotice } from '../../components/States';
import { texts } from '../../texts';
import { useCancelRegistration, type Registration } from './registrationApi';

const t = texts.registrations.cancel;

interface CancelRegistrationProps {
  readonly registration: Registration;
  /** The words on the button; in a list it names the event for screen readers. */
  readonly label: string;
  /** Read after the label by screen readers, e.g. which event (the visible words stay the start of the name). */
  readonly hiddenSuffix?: string;
  /** After the office confirmed the cancellation: the registration as it is now, and what it was before. */
  readonly onCancelled: (registration: Registration, was: Registration['status']) => void;
}

/** „Stornieren“ with a question first: what happens to the seat, and that it cannot simply be undone. */
export function CancelRegistration({
  registration,
  label,
  hiddenSuffix,
  onCancelled,
}: CancelRegistrationProps) {
  const [open, setOpen] = useState(false);
  const cancel = useCancelRegistration();
  const title = registration.event.title;
  const close = () => {
    setOpen(false);
    cancel.reset();
  };
  return (
    <>
      <button type="button" className="button button-secondary" onClick={() => setOpen(true)}>
        {label}
        {hiddenSuffix ? <span className="visually-hidden">{hiddenSuffix}</span> : null}
      </button>
      <ConfirmDialog
        open={open}
        title={t.title}
        confirmLabel={cancel.isPending ? t.busy : t.confirm}
        busy={cancel.isPending}
        destructive
        onCancel={close}
        onConfirm={() =>
          cancel.mutate(registration.registrationId, {
            onSuccess: (cancelled) => {
              setOpen(false);
              onCancelled(cancelled, registration.status);
            },
          })
        }
      >
        <p>{registration.status === 'waiting' ? t.waitingText(title) : t.confirmedText(title)}</p>
        <p>{t.again}</p>
        {cancel.isError ? <ErrorNotice error={cancel.error} /> : null}
      </ConfirmDialog>
    </>
  );
}
