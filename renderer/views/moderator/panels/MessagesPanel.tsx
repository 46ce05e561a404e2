import { useState, type FormEvent } from 'react';
import { LIMITS } from '../../../../shared/agenda/agenda-constants';
import { SPEAKER_PRESETS } from '../../../../shared/contract/presets';
import { useLineup } from '../../../app/hooks';
import { languageName } from '../../../app/speaker-label';
import { useRostrum } from '../../../app/store';
import { uiLanguageFor, useI18n } from '../../../i18n/i18n';
import { presetText } from '../../../../shared/i18n/presets';
import {
  clearBoothMessage,
  clearSpeakerMessage,
  sendBoothText,
  sendPreset,
  sendSpeakerText,
  toggleBlank,
} from '../state/message-actions';

/** What the speaker monitors show now: black, a message, or just the clock. */
function SpeakerShowing() {
  const { t } = useI18n();
  const message = useRostrum((s) => s.snapshot?.messages.speaker ?? null);
  const blank = useRostrum((s) => s.snapshot?.display.speakerBlank ?? false);
  const state = blank ? 'blank' : message ? 'message' : 'clock';
  return (
    <p className="showing" data-testid="speaker-showing" data-state={state}>
      <span className="showing__label">{t('moderator.messages.showing')}</span>{' '}
      {blank ? (
        <strong className="showing__blank">{t('moderator.messages.blank')}</strong>
      ) : message ? (
        <>
          <span className="showing__text">{message.text}</span>
          {message.flash && <span className="showing__flash"> ({t('moderator.messages.flashing')})</span>}
          {message.keepAcrossItems && (
            <span className="showing__flash" data-testid="speaker-showing-pinned">
              {' '}
              ({t('moderator.messages.pinned')})
            </span>
          )}
        </>
      ) : (
        <span className="showing__none">{t('moderator.messages.clockOnly')}</span>
      )}
    </p>
  );
}

function BoothShowing() {
  const { t } = useI18n();
  const message = useRostrum((s) => s.snapshot?.messages.booth ?? null);
  return (
    <p className="showing" data-testid="booth-showing" data-state={message ? 'message' : 'none'}>
      <span className="showing__label">{t('moderator.messages.showing')}</span>{' '}
      {message ? <span className="showing__text">{message.text}</span> : <span className="showing__none">{t('moderator.messages.nothing')}</span>}
    </p>
  );
}

/**
 * A one-line text field with a send button; the text is kept if sending fails. Nothing is cut
 * silently: the counter shows the length against the limit, and an over-long text cannot be sent.
 */
function SendLine({ placeholder, testId, sendTestId, onSend }: { placeholder: string; testId: string; sendTestId: string; onSend: (text: string) => Promise<boolean> }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  // Counted as the server counts (UTF-16 units, after trimming), so the counter never disagrees with it.
  const length = text.trim().length;
  const over = length - LIMITS.messageLength;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const trimmed = text.trim();
    if (trimmed === '' || over > 0) return;
    if (await onSend(trimmed)) setText('');
  };
  return (
    <form className="send-line" onSubmit={(e) => void submit(e)}>
      <input
        type="text"
        value={text}
        placeholder={placeholder}
        aria-label={placeholder}
        aria-invalid={over > 0}
        onChange={(e) => setText(e.target.value)}
        data-testid={testId}
      />
      <button type="submit" className="mod-btn mod-btn--primary" data-testid={sendTestId} disabled={text.trim() === '' || over > 0}>
        {t('moderator.button.send')}
      </button>
      <span className="send-line__count" data-testid={`${testId}-count`} data-over={over > 0} aria-live="polite">
        {over > 0
          ? t('moderator.messages.tooLong', { over, max: LIMITS.messageLength })
          : t('moderator.messages.count', { count: length, max: LIMITS.messageLength })}
      </span>
    </form>
  );
}

/**
 * Messages to the speaker monitor (presets in the current speaker's language, free text, flash,
 * clear, blank) and to the booth, each with what is showing there now.
 */
export function MessagesPanel() {
  const { t, lang } = useI18n();
  const [flash, setFlash] = useState(false);
  const [keep, setKeep] = useState(false);
  // Flash and keep are for one message: after a send they go back to off.
  const sent = (ok: boolean) => {
    if (ok) {
      setFlash(false);
      setKeep(false);
    }
    return ok;
  };
  const { current } = useLineup();
  const blank = useRostrum((s) => s.snapshot?.display.speakerBlank ?? false);
  const hasSpeakerMessage = useRostrum((s) => s.snapshot?.messages.speaker != null);
  const hasBoothMessage = useRostrum((s) => s.snapshot?.messages.booth != null);
  const speakerLang = current ? uiLanguageFor(current.item.language) : lang;

  return (
    <section className="panel side-panel messages" aria-label={t('moderator.messages.title')}>
      <div className="side-panel__head">
        <h2 className="side-panel__title">{t('moderator.messages.speaker')}</h2>
        <button
          type="button"
          className={`mod-btn mod-btn--small${blank ? ' mod-btn--alert' : ''}`}
          data-testid="btn-blank"
          data-key="B"
          aria-pressed={blank}
          aria-keyshortcuts="B"
          onClick={() => void toggleBlank()}
        >
          {blank ? t('moderator.button.unblank') : t('moderator.button.blank')}
        </button>
      </div>
      <SpeakerShowing />
      <div className="presets" role="group" aria-label={t('moderator.messages.speaker')}>
        {SPEAKER_PRESETS.map((preset) => (
          <button
            type="button"
            key={preset}
            className="preset"
            data-testid="message-preset"
            data-preset={preset}
            title={presetText(preset, speakerLang)}
            onClick={() => void sendPreset(preset, { flash, keepAcrossItems: keep }).then(sent)}
          >
            {presetText(preset, lang)}
          </button>
        ))}
      </div>
      <p className="messages__hint" data-testid="preset-language" data-lang={speakerLang}>
        {t('moderator.messages.presetLanguage', { language: languageName(speakerLang, lang) })}
      </p>
      <SendLine
        placeholder={t('moderator.messages.speakerPlaceholder')}
        testId="message-text"
        sendTestId="btn-message-send"
        onSend={(text) => sendSpeakerText(text, { flash, keepAcrossItems: keep }).then(sent)}
      />
      <div className="messages__row">
        <label className="check">
          <input type="checkbox" checked={flash} onChange={(e) => setFlash(e.target.checked)} data-testid="message-flash" />{' '}
          {t('moderator.messages.flash')}
        </label>
        <label className="check" title={t('moderator.messages.keepHint')}>
          <input type="checkbox" checked={keep} onChange={(e) => setKeep(e.target.checked)} data-testid="message-keep" />{' '}
          {t('moderator.messages.keep')}
        </label>
        <button
          type="button"
          className="mod-btn mod-btn--small"
          data-testid="btn-message-clear"
          data-key="Esc"
          aria-keyshortcuts="Escape"
          disabled={!hasSpeakerMessage}
          onClick={() => void clearSpeakerMessage()}
        >
          {t('moderator.button.clear')}
        </button>
      </div>

      <div className="side-panel__head side-panel__head--sub">
        <h2 className="side-panel__title">{t('moderator.messages.booth')}</h2>
        <button
          type="button"
          className="mod-btn mod-btn--small"
          data-testid="btn-booth-message-clear"
          disabled={!hasBoothMessage}
          onClick={() => void clearBoothMessage()}
        >
          {t('moderator.button.clear')}
        </button>
      </div>
      <BoothShowing />
      <SendLine
        placeholder={t('moderator.messages.boothPlaceholder')}
        testId="booth-message-text"
        sendTestId="btn-booth-message-send"
        onSend={sendBoothText}
      />
    </section>
  );
}
