import '../network/network.css';
import './automation.css';
import { useState } from 'react';
import { useI18n } from '../../../i18n/i18n';
import { Dialog } from '../dialogs/Dialog';
import { AutomationPanel } from './AutomationPanel';

/** The console's header entry for the automation rules, beside the network panel, in a dialog. */
export function AutomationMenu() {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="topbar__entry" data-testid="automation-open" onClick={() => setOpen(true)}>
        {t('automation.button.open')}
      </button>
      {open && (
        <Dialog
          title={t('automation.title')}
          testId="automation-dialog"
          wide
          onCancel={() => setOpen(false)}
          footer={
            <button type="button" className="mod-btn" data-testid="automation-close" onClick={() => setOpen(false)}>
              {t('automation.close')}
            </button>
          }
        >
          <AutomationPanel />
        </Dialog>
      )}
    </>
  );
}
