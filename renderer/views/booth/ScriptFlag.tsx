import { useI18n } from '../../i18n/i18n';

/** Whether the speaker's script or slides reached the booth. */
export function ScriptFlag({ received, testId }: { received: boolean; testId?: string }) {
  const { t } = useI18n();
  return (
    <span className={`flag ${received ? 'flag--script' : 'flag--no-script'}`} data-testid={testId} data-received={received}>
      {t(received ? 'booth.script.received' : 'booth.script.missing')}
    </span>
  );
}
