import type { ApiError } from '../../../shared/contract/errors';
import { translateError, useI18n } from '../../i18n/i18n';

/** A refused or unsent command, in words, beside the control that sent it. */
export function CommandError({ error, testId }: { error: ApiError | null; testId: string }) {
  const { t } = useI18n();
  if (!error) return null;
  return (
    <p className="booth-error" role="alert" data-testid={testId} data-code={error.code}>
      {translateError(t, error)}
    </p>
  );
}
