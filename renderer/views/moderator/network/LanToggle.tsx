import { useState } from 'react';
import type { LanStatus } from '../../../../shared/contract/network';
import { useI18n } from '../../../i18n/i18n';

/**
 * LAN mode on or off (the event's setting: the producer's), with why it cannot be switched off and
 * the addresses that could not be opened. The toggle shows what was asked for while the server switches.
 */
export function LanToggle({ lan, onSwitch }: { lan: LanStatus; onSwitch: (on: boolean) => Promise<void> }) {
  const { t } = useI18n();
  const [pending, setPending] = useState<boolean | null>(null);
  const switching = pending !== null;
  const toggle = async (on: boolean) => {
    setPending(on);
    await onSwitch(on);
    setPending(null);
  };
  return (
    <>
      <label className="network__toggle">
        <input
          type="checkbox"
          data-testid="lan-toggle"
          checked={pending ?? lan.on}
          disabled={lan.locked || switching}
          onChange={(e) => void toggle(e.currentTarget.checked)}
        />
        <span>{t('network.lan.label')}</span>
        {switching && <span className="network__hint">{t('network.lan.switching')}</span>}
      </label>
      {lan.locked && <p className="network__hint" data-testid="lan-locked">{t('network.lan.locked')}</p>}
      {lan.failures.map((f) => (
        <p key={f.address} className="network__note network__note--error" role="alert" data-testid="lan-failure">
          {t('network.lan.failed', { address: f.address, message: f.message })}
        </p>
      ))}
    </>
  );
}
