import { useEffect, useRef } from 'react';

/**
 * Single-key shortcuts for the booth: every control has one, shown on the control itself.
 * They are off while the user types (in a field), while a dialog is open, and with Ctrl, Alt or
 * Cmd held (the browser's own shortcuts). A held key does not repeat.
 */

type Handler = () => void;
const bindings = new Map<string, Handler[]>();

const normalise = (key: string): string => (key.length === 1 ? key.toLowerCase() : key);

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !['button', 'checkbox', 'radio', 'submit', 'reset'].includes(target.type);
  return false;
}

function onKeyDown(e: KeyboardEvent): void {
  if (e.defaultPrevented || e.repeat || e.isComposing || e.ctrlKey || e.metaKey || e.altKey) return;
  if (isTyping(e.target) || document.querySelector('dialog[open]')) return;
  const handlers = bindings.get(normalise(e.key));
  const handler = handlers?.[handlers.length - 1];
  if (!handler) return;
  e.preventDefault();
  handler();
}

let listening = false;

/** Binds `key` (a character, or a key name like `ArrowLeft`) while `enabled`; the latest binding wins. */
export function useHotkey(key: string, handler: Handler, enabled = true): void {
  const ref = useRef(handler);
  useEffect(() => {
    ref.current = handler;
  });
  useEffect(() => {
    if (!enabled) return;
    if (!listening) {
      window.addEventListener('keydown', onKeyDown);
      listening = true;
    }
    const k = normalise(key);
    const call: Handler = () => ref.current();
    bindings.set(k, [...(bindings.get(k) ?? []), call]);
    return () => {
      const rest = (bindings.get(k) ?? []).filter((h) => h !== call);
      if (rest.length > 0) bindings.set(k, rest);
      else bindings.delete(k);
    };
  }, [key, enabled]);
}
