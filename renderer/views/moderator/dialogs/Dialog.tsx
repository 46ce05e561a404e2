import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { registerDialog } from '../state/dialogs';

interface Props {
  title: string;
  onCancel: () => void;
  children: ReactNode;
  testId: string;
  /** Buttons at the bottom, right-aligned. */
  footer?: ReactNode;
  wide?: boolean;
}

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog: the rest of the page is inert (native `showModal`), Tab cycles inside it, Esc
 * cancels, and focus goes back where it was when it closes. Keyboard shortcuts are off while it
 * is open. The first control marked `data-autofocus` (or the first focusable one) gets focus.
 */
export function Dialog({ title, onCancel, children, testId, footer, wide = false }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const cancelRef = useRef(onCancel);
  useEffect(() => {
    cancelRef.current = onCancel;
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const unregister = registerDialog();
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    const first = dialog.querySelector<HTMLElement>('[data-autofocus]') ?? dialog.querySelector<HTMLElement>(FOCUSABLE);
    first?.focus();
    // The browser's own Esc handling: cancel, never just close behind our back.
    const onCancelEvent = (e: Event) => {
      e.preventDefault();
      cancelRef.current();
    };
    dialog.addEventListener('cancel', onCancelEvent);
    return () => {
      dialog.removeEventListener('cancel', onCancelEvent);
      if (dialog.open) dialog.close();
      unregister();
      if (returnTo?.isConnected) returnTo.focus();
    };
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLDialogElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      cancelRef.current();
      return;
    }
    if (e.key !== 'Tab') return;
    const items = [...e.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null);
    if (items.length === 0) return;
    const first = items[0]!;
    const last = items[items.length - 1]!;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  return (
    <dialog
      ref={ref}
      className={`mod-dialog${wide ? ' mod-dialog--wide' : ''}`}
      aria-labelledby={titleId}
      aria-modal="true"
      data-testid={testId}
      onKeyDown={onKeyDown}
    >
      <h2 id={titleId} className="mod-dialog__title">
        {title}
      </h2>
      <div className="mod-dialog__body">{children}</div>
      {footer && <div className="mod-dialog__footer">{footer}</div>}
    </dialog>
  );
}
