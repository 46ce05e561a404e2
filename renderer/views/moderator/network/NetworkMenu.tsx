import './network.css';
import { useState } from 'react';
import { useI18n } from '../../../i18n/i18n';
import { Dialog } from '../dialogs/Dialog';
import { MAIN_ROOM, roomOfPath } from '../../../../shared/contract/rooms';
import { NetworkPanel } from './NetworkPanel';
import { RoomNetworkPanel } from './RoomNetworkPanel';

/** The console's header entry for the network panel, which opens in a dialog (QR codes need room); a room's console (`/r/<id>/moderator`) shows that room's. */
export function NetworkMenu() {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="topbar__entry" data-testid="network-open" onClick={() => setOpen(true)}>
        {t('network.button.open')}
      </button>
      {open && (
        <Dialog
          title={t('network.title')}
          testId="network-dialog"
          wide
          onCancel={() => setOpen(false)}
          footer={
            <button type="button" className="mod-btn" onClick={() => setOpen(false)}>
              {t('network.close')}
            </button>
          }
        >
          {roomOfPath(window.location.pathname) === MAIN_ROOM ? <NetworkPanel /> : <RoomNetworkPanel />}
        </Dialog>
      )}
    </>
  );
}
