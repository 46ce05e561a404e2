import { useI18n } from '../../../i18n/i18n';
import { LanLinks } from './LanLinks';
import { LanToggle } from './LanToggle';
import { LocalLinks } from './LocalLinks';
import { fetchNetwork, switchLan } from './network-api';
import { OscPanel } from './OscPanel';
import { OutputLinks } from './OutputLinks';
import { RemoteLinks } from './RemoteLinks';
import { TokenRotation } from './TokenRotation';
import { useAnswer } from './use-answer';

/**
 * The console's network panel: LAN mode on or off, the views' LAN links with QR codes, the
 * read-only outputs' links, and new keys per role. Everything here comes from control-only routes (the links carry tokens).
 */
export function NetworkPanel() {
  const { t } = useI18n();
  const { body: info, error, take, refresh } = useAnswer(fetchNetwork);
  const toggle = async (on: boolean) => take(await switchLan(on));

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
          <LanToggle lan={lan} onSwitch={toggle} />
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
