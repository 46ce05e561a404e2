import { useRef, useState } from 'react';
import { LIMITS } from '../../../shared/agenda/agenda-constants';
import type { BoothRequest } from '../../../shared/contract/state';
import { useRostrum } from '../../app/store';
import { useI18n } from '../../i18n/i18n';
import { CommandError } from './CommandError';
import { useHotkey } from './hotkeys';
import { KeyHint } from './KeyHint';
import { statusText } from './RequestButtons';
import { useBoothCommand } from './use-booth-command';

const EMPTY: BoothRequest[] = [];
/** Acknowledged free-text requests still listed under the field. */
const KEPT_CLOSED = 2;

/** A message of the booth's own words to the moderator (M to write, Enter to send), and their fate. */
export function FreeTextRequest({ booth, timezone }: { booth: string; timezone: string }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const all = useRostrum((s) => s.snapshot?.booth.requests ?? EMPTY);
  const { send, busy, error } = useBoothCommand();
  useHotkey('m', () => input.current?.focus());

  const mine = all.filter((r) => r.booth === booth && r.kind === 'text');
  const shown = [...mine.filter((r) => r.acknowledgedAt === null), ...mine.filter((r) => r.acknowledgedAt !== null).slice(0, KEPT_CLOSED)];

  const submit = async () => {
    if (text.trim() === '') return;
    if (await send({ type: 'booth.request', booth, kind: 'text', text: text.trim() })) setText('');
  };

  return (
    <div className="free-text">
      <form
        className="free-text__form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <input
          ref={input}
          className="field"
          data-testid="request-text-input"
          value={text}
          maxLength={LIMITS.messageLength}
          placeholder={t('booth.request.textPlaceholder')}
          aria-label={t('booth.request.textPlaceholder')}
          aria-keyshortcuts="M"
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') e.currentTarget.blur();
          }}
        />
        <KeyHint label="M" />
        <button type="submit" className="bbtn bbtn--small" data-testid="request-text" disabled={busy || text.trim() === ''} aria-keyshortcuts="Enter">
          {t('booth.request.send')} <KeyHint label="Enter" />
        </button>
      </form>
      {shown.length > 0 && (
        <ul className="free-text__list">
          {shown.map((r) => (
            <li key={r.id} className="free-text__item" data-testid="request-text-item" data-state={r.acknowledgedAt === null ? 'open' : 'acknowledged'}>
              <span className="free-text__text">{r.text}</span>
              <span className="request__status">{statusText(t, r, timezone)}</span>
            </li>
          ))}
        </ul>
      )}
      <CommandError error={error} testId="request-text-error" />
    </div>
  );
}
