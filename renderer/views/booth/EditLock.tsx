import { useI18n } from '../../i18n/i18n';

/** Says plainly that editing is off here, and who can turn it on. */
export function EditLock({ testId }: { testId: string }) {
  const { t } = useI18n();
  return (
    <span className="edit-lock" data-testid={testId}>
      <svg className="edit-lock__icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <rect x="3" y="7" width="10" height="8" rx="1.5" fill="currentColor" />
        <path d="M5 7V5a3 3 0 0 1 6 0v2" fill="none" stroke="currentColor" strokeWidth="1.8" />
      </svg>
      {t('booth.edit.locked')}
    </span>
  );
}
