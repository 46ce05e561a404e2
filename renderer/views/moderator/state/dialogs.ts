import type { ReactNode } from 'react';
import { create } from 'zustand';

/** A question the console asks before doing something that cannot be taken back at a glance. */
export interface ConfirmRequest {
  title: string;
  body?: ReactNode;
  confirmLabel: string;
  /** Styles the confirm button as destructive. */
  danger?: boolean;
  resolve: (confirmed: boolean) => void;
}

interface DialogsState {
  /** How many modal dialogs are open; keyboard shortcuts are off while any is. */
  open: number;
  confirm: ConfirmRequest | null;
}

export const useDialogs = create<DialogsState>(() => ({ open: 0, confirm: null }));

/**
 * True while a modal dialog is open: one of ours, or any other on the page (e.g. the agenda
 * import dialog, which is not ours to register), so that no key reaches the clock behind it.
 */
export const anyDialogOpen = (): boolean =>
  useDialogs.getState().open > 0 || document.querySelector('dialog[open], [aria-modal="true"]') !== null;

/** Called by every modal dialog while it is mounted. */
export function registerDialog(): () => void {
  useDialogs.setState((s) => ({ open: s.open + 1 }));
  return () => useDialogs.setState((s) => ({ open: Math.max(0, s.open - 1) }));
}

/** Asks for confirmation; resolves false on cancel (Esc, the cancel button) or if another question replaces it. */
export function askConfirm(request: Omit<ConfirmRequest, 'resolve'>): Promise<boolean> {
  return new Promise((resolve) => {
    useDialogs.getState().confirm?.resolve(false);
    useDialogs.setState({ confirm: { ...request, resolve } });
  });
}

export function answerConfirm(confirmed: boolean): void {
  const pending = useDialogs.getState().confirm;
  if (!pending) return;
  useDialogs.setState({ confirm: null });
  pending.resolve(confirmed);
}
