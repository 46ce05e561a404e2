import { useCallback, useEffect, useState } from 'react';
import type { ApiError } from '../../../../shared/contract/errors';
import type { NetworkInfo } from '../../../../shared/contract/network';
import { useI18n } from '../../../i18n/i18n';
import { LanLinks } from './LanLinks';
import { LocalLinks } from './LocalLinks';
import { fetchNetwork, switchLan } from './network-api';
import { OscPanel } from './OscPanel';
import { OutputLinks } from './OutputLinks';
import { RemoteLinks } from './RemoteLinks';
import { TokenRotation } from './TokenRotation';

/**
 * The console's network panel: LAN mode on or off, the views' LAN links with QR codes, the
 * read-only outputs' links, and new keys per role. Everything here comes from control-only routes (the links carry tokens).
 */
export function NetworkPanel() {
  const { t } = useI18n();
  const [info, setInfo] = useState<NetworkInfo | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  // The toggle shows what was asked for while the server switches.
  const [pending, setPending] = useState<boolean | null>(null);
  const switching = pending !== null;

  const refresh = useCallback(() => {
    void fetchNetwork().then((answer) => {
      if (answer.ok) {
        setInfo(answer.body);
        setError(null);
      } else setError(answer.error);
    });
  }, []);
  useEffect(refresh, [refresh]);

  const toggle = async (on: boolean) => {
    setPending(on);
    const answer = await switchLan(on);
    setPending(null);
    if (answer.ok) {
      setInfo(answer.body);
      setError(null);
    } else setError(answer.error);
  };

  const lan = info?.lan;
  return (
    <div className="network" data-testid="network-panel" data-lan={lan ? String(lan.on) : 'unknown'}>
      {error && (
        <p className="network__note network__note--error" role="alert" data-testid="network-error">
          {t('network.unavailable', { message: error.message })}
        </p>
      )}
      {!lan ? (
        !error && <p className="network__hint">{t('network.loading')}</p>
      ) : (
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
          {!lan.on ? (
            <>
              <p className="network__hint" data-testid="lan-off">{t('network.lan.off')}</p>
              {info && <LocalLinks links={info.localLinks} />}
            </>
          ) : lan.addresses.length === 0 ? (
            <p className="network__hint">{t('network.lan.noAddress')}</p>
          ) : (
            info && <LanLinks info={info} />
          )}
          {info && <OutputLinks info={info} />}
        </>
      )}
      <RemoteLinks />
      {lan && <OscPanel lan={lan.on} />}
      <TokenRotation onRotated={refresh} />
    </div>
  );
}
