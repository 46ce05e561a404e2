import { useRef } from 'react';
import { SoundToggle } from '../../audio';
import { ConnectionIndicator } from '../../components/ConnectionIndicator';
import { RoomNameTag } from '../../components/RoomNameTag';
import { LanguageSwitch } from '../../i18n/LanguageSwitch';
import { chooseLanguage, currentLanguage, useI18n, useLanguageStore } from '../../i18n/i18n';
import { BoothIdentity } from './BoothIdentity';
import { useHotkey } from './hotkeys';
import { KeyHint } from './KeyHint';
import { WallClock } from './WallClock';

/** Title, this booth's name and direction, the time in the event's zone, link and display language (L). */
export function BoothTopBar({ timezone, onOpenSettings }: { timezone: string | undefined; onOpenSettings: () => void }) {
  const { t } = useI18n();
  const sound = useRef<HTMLSpanElement>(null);
  // The key presses the toggle itself: a key press lets the browser start audio, as a click does.
  useHotkey('q', () => sound.current?.querySelector('button')?.click());
  useHotkey('l', () => chooseLanguage(currentLanguage(useLanguageStore.getState()) === 'en' ? 'zh' : 'en'));
  return (
    <header className="topbar booth-topbar">
      <h1 className="topbar__title">
        Rostrum <span className="topbar__view">{t('view.booth')}</span>
        <RoomNameTag view="booth" />
      </h1>
      <BoothIdentity onOpen={onOpenSettings} />
      {timezone && <WallClock timezone={timezone} />}
      <span className="booth-topbar__sound" ref={sound} title={t('booth.sound.hint')}>
        <SoundToggle view="booth" />
        <KeyHint label="Q" />
      </span>
      <ConnectionIndicator />
      <span className="booth-topbar__lang">
        <LanguageSwitch />
        <KeyHint label="L" />
      </span>
    </header>
  );
}
