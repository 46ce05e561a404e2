import { useI18n } from '../../i18n/i18n';
import { arrow, langCode, type Working } from './direction';

/**
 * What this booth does right now, big: `ZH → EN`. An `into:` booth whose target language is on the
 * floor reads "Off — relay / idle" instead of a nonsense `EN → EN`.
 */
export function DirectionBadge({ working }: { working: Working }) {
  const { t } = useI18n();
  let text: string;
  let detail = '';
  switch (working.kind) {
    case 'working':
      text = arrow(working.from, working.to);
      break;
    case 'idle':
      text = t('booth.direction.off');
      detail = t(working.reason === 'target' ? 'booth.direction.offTarget' : 'booth.direction.offMonolingual', {
        lang: langCode(working.floor),
      });
      break;
    case 'break':
      text = t('booth.direction.break');
      break;
    case 'none':
      text = '—';
      break;
  }
  return (
    <div className="direction" data-testid="booth-direction" data-state={working.kind}>
      <span className="direction__label">{t('booth.direction.label')}</span>
      <span className="direction__value">{text}</span>
      {detail && <span className="direction__detail">{detail}</span>}
    </div>
  );
}
