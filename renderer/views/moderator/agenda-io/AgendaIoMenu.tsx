import './agenda-io.css';
import { useEffect, useState } from 'react';
import type { DownloadLinks } from '../../../../shared/report/download-links';
import { useRostrum } from '../../../app/store';
import { useI18n } from '../../../i18n/i18n';
import { FALLBACK_LINKS, fetchDownloadLinks, withParam } from './agenda-io-api';
import { ImportDialog } from './ImportDialog';

/**
 * The console's header entries for agenda import and the timing report. The report opens in a new
 * tab, in the console's language; its link carries the read-only view token (from the server), so
 * it also works from another computer on the network.
 */
export function AgendaIoMenu() {
  const { t, lang } = useI18n();
  const [open, setOpen] = useState(false);
  const [links, setLinks] = useState<DownloadLinks>(FALLBACK_LINKS);
  const online = useRostrum((s) => s.link === 'online');

  useEffect(() => {
    if (!online) return;
    let cancelled = false;
    void fetchDownloadLinks().then((l) => {
      if (l && !cancelled) setLinks(l);
    });
    return () => {
      cancelled = true;
    };
  }, [online]);

  return (
    <div className="aio-menu">
      <button type="button" className="topbar__entry" data-testid="agenda-import-open" onClick={() => setOpen(true)}>
        {t('agendaIo.button.import')}
      </button>
      <a className="topbar__entry" data-testid="report-link" href={withParam(links.report.html, 'lang', lang)} target="_blank" rel="noopener noreferrer">
        {t('agendaIo.button.report')}
      </a>
      {open && <ImportDialog links={links} onClose={() => setOpen(false)} />}
    </div>
  );
}
