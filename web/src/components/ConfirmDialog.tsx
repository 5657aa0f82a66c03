import { useEffect, useId, useRef, type ReactNode } from 'react';
import { texts } from '../texts';

interface ConfirmDialogProps {
  readonly open: boolean;
  readonly title: string;
  readonly children: ReactNode;
  /** The words on the button that does it, e.g. „Ja, Anmeldung stornieren“. */
  readonly confirmLabel: string;
  readonly busy?: boolean;
  /** For something that cannot be undone (erasing data): the button is red. */
  readonly destructive?: boolean;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}

/** A modal question before an action with consequences (native <dialog>: focus trap and Escape included). */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (props.open && !element.open) element.showModal?.();
    if (!props.open && element.open) element.close?.();
  }, [props.open]);
  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        props.onCancel();
      }}
    >
      {props.open ? (
        <>
          <h2 id={titleId}>{props.title}</h2>
          <div className="dialog-body">{props.children}</div>
          <div className="button-row">
            <button
              type="button"
              className={`button ${props.destructive ? 'button-danger' : 'button-primary'}`}
              onClick={props.onConfirm}
              disabled={props.busy}
            >
              {props.confirmLabel}
            </button>
            <button type="button" className="button button-secondary" onClick={props.onCancel}>
              {texts.common.cancel}
            </button>
          </div>
        </>
      ) : null}
    </dialog>
  );
}
