import { VIEWS } from '../../../../shared/contract/http';
import type { NetworkInfo } from '../../../../shared/contract/network';
import { useI18n } from '../../../i18n/i18n';
import { CopyButton } from './CopyButton';
import { QrCode } from './QrCode';

/** Each view's link on each LAN address, with a QR code a tablet can scan to join; with `copy`, a copy button too (a room's console). */
export function LanLinks({ info, copy = false }: { info: NetworkInfo; copy?: boolean }) {
  const { t } = useI18n();
  const { addresses } = info.lan;
  return (
    <section aria-labelledby="network-links-title">
      <h3 id="network-links-title" className="network__heading">
        {t('network.links.title')}
      </h3>
      <p className="network__hint">{t('network.links.hint')}</p>
      <ul className="network__links">
        {VIEWS.map((view) =>
          addresses.map((address, i) => {
            const url = info.links[view][i];
            if (url === undefined) return null;
            const name = t(`view.${view}`);
            return (
              <li key={`${view}-${address}`} className="network__link" data-view={view} data-address={address}>
                <QrCode text={url} label={t('network.qr.label', { view: name, address })} testId={`lan-qr-${view}`} />
                <div className="network__link-text">
                  <span className="network__link-title">{t('network.links.view', { view: name, address })}</span>
                  <code className="network__url" data-testid={`lan-url-${view}`}>
                    {url}
                  </code>
                </div>
                {copy && <CopyButton text={url} testId={`lan-copy-${view}`} />}
              </li>
            );
          }),
        )}
      </ul>
    </section>
  );
}
