/** The key of a control, shown on it. Screen readers get it from `aria-keyshortcuts` instead. */
export function KeyHint({ label }: { label: string }) {
  return (
    <kbd className="key" aria-hidden="true">
      {label}
    </kbd>
  );
}
