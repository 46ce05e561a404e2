import type { BoothRequestKind } from '../../../shared/contract/presets';
import type { BoothRequest } from '../../../shared/contract/state';
import { instant } from '../../../shared/time/instant';
import { timeOfDayIn } from '../../../shared/time/zoned-time';
import { useRostrum } from '../../app/store';
import { useServerValue, sameStep } from '../../app/use-server-value';
import { useI18n, type Translate } from '../../i18n/i18n';
import { CommandError } from './CommandError';
import { useHotkey } from './hotkeys';
import { KeyHint } from './KeyHint';
import { FRESH_ACK_MS, latestRequest, requestState } from './requests';
import { useBoothCommand } from './use-booth-command';

type ButtonKind = Exclude<BoothRequestKind, 'text'>;
const BUTTONS: { kind: ButtonKind; key: string }[] = [
  { kind: 'slow-down', key: 'S' },
  { kind: 'no-audio', key: 'A' },
  { kind: 'need-text', key: 'T' },
];

const EMPTY: BoothRequest[] = [];


const identity = <T,>(now: T): T => now;
/** Re-rendered once every five seconds as time alone passes. */
const FIVE_SECONDS = sameStep(5000);
/**
 * The three standing requests. Each says whether it is waiting (and how often the booth asked)
 * or when the moderator acknowledged it. Asking again while open reminds the console.
 */
export function RequestButtons({ booth, timezone }: { booth: string; timezone: string }) {
  const { t } = useI18n();
  const requests = useRostrum((s) => s.snapshot?.booth.requests ?? EMPTY);
  const now = useServerValue(identity, FIVE_SECONDS);
  const { send, error } = useBoothCommand();
  const ask = (kind: ButtonKind) => void send({ type: 'booth.request', booth, kind });

  useHotkey('s', () => ask('slow-down'));
  useHotkey('a', () => ask('no-audio'));
  useHotkey('t', () => ask('need-text'));

  return (
    <div className="requests">
      {BUTTONS.map(({ kind, key }) => {
        const request = latestRequest(requests, booth, kind);
        const state = requestState(request);
        const fresh = request?.acknowledgedAt != null && now - request.acknowledgedAt < FRESH_ACK_MS;
        return (
          <button
            key={kind}
            type="button"
            className="request"
            data-testid={`request-${kind}`}
            data-kind={kind}
            data-state={state}
            data-fresh={fresh}
            data-count={request?.count ?? 0}
            onClick={() => ask(kind)}
            aria-keyshortcuts={key}
          >
            <span className="request__label">
              {t(`booth.request.${kind}`)} <KeyHint label={key} />
            </span>
            <span className="request__status" data-testid={`request-status-${kind}`}>
              {statusText(t, request, timezone)}
            </span>
          </button>
        );
      })}
      <CommandError error={error} testId="request-error" />
    </div>
  );
}

export function statusText(t: Translate, request: BoothRequest | undefined, timezone: string): string {
  if (!request) return t('booth.request.idle');
  if (request.acknowledgedAt !== null) {
    return t('booth.request.acknowledged', { time: timeOfDayIn(instant(request.acknowledgedAt), timezone) });
  }
  const sent = t('booth.request.waiting', { time: timeOfDayIn(instant(request.lastAt), timezone) });
  return request.count > 1 ? `${sent} · ${t('booth.request.times', { n: request.count })}` : sent;
}
