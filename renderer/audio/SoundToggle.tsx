import { useState } from 'react';
import type { View } from '../../shared/contract/http';
import { useI18n } from '../i18n/i18n';
import { unlockAudio } from './player';
import { initSound, setSoundEnabled, soundStateOf, useSound, type SoundState } from './sound-setting';
import './sound-toggle.css';

/**
 * The mute toggle of a display (`sound-toggle`), remembered per display. Where the browser holds
 * sound until the user acts, it turns into a loud "click to enable sound" button, and a click on
 * it (or anywhere on the page) lets the cues play.
 */
export function SoundToggle({ view, className = '' }: { view: View; className?: string }) {
  useState(() => initSound(view));
  const state = useSound(soundStateOf);
  const { t } = useI18n();
  const onClick = () => {
    if (state === 'blocked') unlockAudio();
    else setSoundEnabled(state === 'off');
  };
  return (
    <button
      type="button"
      className={`sound-toggle ${className}`.trim()}
      data-testid="sound-toggle"
      data-state={state}
      aria-pressed={state !== 'off'}
      title={t(`audio.hint.${state}`)}
      onClick={onClick}
    >
      <SpeakerIcon state={state} />
      <span className="sound-toggle__text">{t(`audio.state.${state}`)}</span>
    </button>
  );
}

function SpeakerIcon({ state }: { state: SoundState }) {
  const silent = state !== 'on';
  return (
    <svg className="sound-toggle__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M4 9h4l5-4v14l-5-4H4z" fill="currentColor" />
      {silent ? (
        <path d="M16 9l6 6m0-6l-6 6" stroke="currentColor" strokeWidth="2" strokeLinecap="round" fill="none" />
      ) : (
        <path
          d="M16 8.5a5 5 0 0 1 0 7M18.5 6a8.5 8.5 0 0 1 0 12"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinecap="round"
          fill="none"
        />
      )}
    </svg>
  );
}
