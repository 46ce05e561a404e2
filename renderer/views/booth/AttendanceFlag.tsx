import type { Attendance } from '../../../shared/agenda/agenda-constants';
import { useI18n } from '../../i18n/i18n';

/** On site or online; online is flagged, since remote audio brings delay and quality risks. */
export function AttendanceFlag({ attendance, testId, compact = false }: { attendance: Attendance; testId?: string; compact?: boolean }) {
  const { t } = useI18n();
  if (compact && attendance === 'onsite') return null;
  const label = attendance === 'online' ? t(compact ? 'booth.attendance.onlineShort' : 'booth.attendance.online') : t('booth.attendance.onsite');
  return (
    <span className={`flag flag--${attendance}`} data-testid={testId} data-attendance={attendance}>
      {label}
    </span>
  );
}
