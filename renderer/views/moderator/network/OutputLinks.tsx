import { OUTPUT_PAGES } from '../../../../shared/contract/http';
import type { NetworkInfo } from '../../../../shared/contract/network';
import { useI18n } from '../../../i18n/i18n';
import { CopyButton } from './CopyButton';
import { QrCode } from './QrCode';

/**
 * The read-only outputs (audience screen, lower third, studio clock, crew) with the view token and
 * a hint on where each goes: on each LAN address with a QR code while LAN mode is on, else on this
 * computer. Each has a copy button: a browser source's URL is pasted, not scanned.
 */
export function OutputLinks({ info }: { info: NetworkInfo }) {
  const { t } = useI18n();
  const onLan = info.lan.on && info.lan.addresses.length > 0;
  return (
    <section aria-labelledby="network-outputs-title" data-testid="output-links">
      <h3 id="network-outputs-title" className="network__heading">
        {t('network.outputs.title')}
      </h3>
      <p className="network__hint">{t('network.outputs.hint')}</p>
      <ul className={onLan ? 'network__links network__links--outputs' : 'network__links network__links--outputs network__links--local'}>
        {OUTPUT_PAGES.map((page) => {
          const name = t(`displays.page.${page}`);
          const links = onLan ? info.outputLinks[page].map((url, i) => ({ url, address: info.lan.addresses[i] ?? '' })) : [{ url: info.localOutputLinks[page], address: '' }];
          return links.map(({ url, address }) => (
            <li key={`${page}-${address}`} className="network__link" data-page={page} data-address={address || undefined}>
              {onLan && <QrCode text={url} label={t('network.qr.label', { view: name, address })} testId={`output-qr-${page}`} />}
              <div className="network__link-text">
                <span className="network__link-title">{onLan ? t('network.links.view', { view: name, address }) : name}</span>
                <span className="network__hint network__output-hint">{t(`network.outputs.hint.${page}`)}</span>
                <code className="network__url" data-testid={`output-link-${page}`}>
                  {url}
                </code>
              </div>
              <CopyButton text={url} testId={`output-copy-${page}`} />
            </li>
          ));
        })}
      </ul>
    </section>
  );
}
