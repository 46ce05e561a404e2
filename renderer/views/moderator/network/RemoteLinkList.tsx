import { useState } from 'react';
import type { RelayLinks, RelayStatus, RemoteRole } from '../../../../shared/contract/relay';
import { useI18n } from '../../../i18n/i18n';
import { askConfirm } from '../state/dialogs';
import { CopyButton } from './CopyButton';
import { rotateRemoteToken } from './network-api';
import { QrCode } from './QrCode';

const ROLES: (keyof RelayLinks & RemoteRole)[] = ['speaker', 'booth', 'audience', 'moderator'];

/**
 * The remote links, each with a copy button, a QR code and "New link": a new remote token for that
 * role, after a confirmation, since the relay then drops everyone who used the old one.
 */
export function RemoteLinkList({ links, onChanged }: { links: RelayLinks; onChanged: (status: RelayStatus) => void }) {
  const { t } = useI18n();
  const [note, setNote] = useState<{ text: string; failed: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  const rotate = async (role: RemoteRole) => {
    const name = t(`network.remote.link.${role}`);
    const confirmed = await askConfirm({
      title: t('network.remote.rotate.confirm.title'),
      body: t('network.remote.rotate.confirm.body', { role: name }),
      confirmLabel: t('network.remote.rotate'),
      danger: true,
    });
    if (!confirmed) return;
    setBusy(true);
    const answer = await rotateRemoteToken(role);
    setBusy(false);
    if (!answer.ok) return setNote({ text: t('network.remote.rotate.failed', { message: answer.error.message }), failed: true });
    setNote({ text: t('network.remote.rotate.done', { role: name }), failed: false });
    onChanged(answer.body);
  };

  return (
    <>
      <ul className="network__links">
        {ROLES.map((role) => {
          const link = links[role];
          if (link === undefined) return null;
          const name = t(`network.remote.link.${role}`);
          return (
            <li key={role} className="network__link" data-view={role}>
              <div className="network__link-text">
                <span className="network__link-title">{name}</span>
                <code className="network__url" data-testid={`remote-url-${role}`}>
                  {link}
                </code>
              </div>
              <div className="network__buttons">
                <CopyButton text={link} testId={`remote-copy-${role}`} />
                <button type="button" className="mod-btn mod-btn--small" data-testid={`remote-rotate-${role}`} disabled={busy} onClick={() => void rotate(role)}>
                  {t('network.remote.rotate')}
                </button>
              </div>
              <QrCode text={link} label={name} testId={`remote-qr-${role}`} />
            </li>
          );
        })}
      </ul>
      {note && (
        <p className={`network__note${note.failed ? ' network__note--error' : ''}`} role="status" data-testid="remote-rotate-note">
          {note.text}
        </p>
      )}
    </>
  );
}
