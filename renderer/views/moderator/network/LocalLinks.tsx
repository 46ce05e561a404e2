import { VIEWS } from '../../../../shared/contract/http';
import type { NetworkInfo } from '../../../../shared/contract/network';
import { useI18n } from '../../../i18n/i18n';
import { CopyButton } from './CopyButton';

/** Each view's link on this computer, with a copy button: what LAN mode off still allows. */
export function LocalLinks({ links }: { links: NetworkInfo['localLinks'] }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="network-local-title" data-testid="local-links">
      <h3 id="network-local-title" className="network__heading">
        {t('network.local.title')}
      </h3>
      <p className="network__hint">{t('network.local.hint')}</p>
      <ul className="network__links network__links--local">
        {VIEWS.map((view) => (
          <li key={view} className="network__link" data-view={view}>
            <div className="network__link-text">
              <span className="network__link-title">{t(`view.${view}`)}</span>
              <code className="network__url" data-testid={`local-url-${view}`}>
                {links[view]}
              </code>
            </div>
            <CopyButton text={links[view]} testId={`local-copy-${view}`} />
          </li>
        ))}
      </ul>
    </section>
  );
}
