import { useState } from 'react';
import { TOKEN_PARAM } from '../../../../shared/contract/http';
import { ROLES, type Role } from '../../../../shared/contract/roles';
import { rotateOwnToken } from '../../../app/connection';
import { useI18n } from '../../../i18n/i18n';
import { askConfirm } from '../state/dialogs';
import { rotateToken } from './network-api';

/**
 * One button per role: a new token, after a confirmation, since it disconnects every display
 * that used the old one. Rotating the control token hands this console the new one, so it stays on.
 */
export function TokenRotation({ onRotated }: { onRotated: () => void }) {
  const { t } = useI18n();
  const [note, setNote] = useState<{ text: string; failed: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  const rotate = async (role: Role) => {
    const confirmed = await askConfirm({
      title: t('network.tokens.confirm.title'),
      body: t(`network.tokens.confirm.${role}`),
      confirmLabel: t('network.tokens.confirm.button'),
      danger: true,
    });
    if (!confirmed) return;
    setBusy(true);
    const own = role === 'control' ? rotateOwnToken('moderator') : null;
    const answer = await rotateToken(role);
    setBusy(false);
    if (!answer.ok) {
      own?.(null);
      setNote({ text: t('network.tokens.failed', { message: answer.error.message }), failed: true });
      return;
    }
    if (own) {
      const link = answer.body.links.moderator;
      own(link ? new URL(link, window.location.href).searchParams.get(TOKEN_PARAM) : null);
    }
    // This console's own socket was one of the disconnected ones, and is back already.
    const others = role === 'control' ? Math.max(0, answer.body.disconnected - 1) : answer.body.disconnected;
    setNote({ text: t('network.tokens.done', { count: others }), failed: false });
    onRotated();
  };

  return (
    <section className="network__tokens" aria-labelledby="network-tokens-title">
      <h3 id="network-tokens-title" className="network__heading">
        {t('network.tokens.title')}
      </h3>
      <p className="network__hint">{t('network.tokens.hint')}</p>
      <div className="network__buttons">
        {ROLES.map((role) => (
          <button key={role} type="button" className="mod-btn" data-testid={`token-rotate-${role}`} disabled={busy} onClick={() => void rotate(role)}>
            {t(`network.tokens.rotate.${role}`)}
          </button>
        ))}
      </div>
      {note && (
        <p className={`network__note${note.failed ? ' network__note--error' : ''}`} role="status" data-testid="token-rotate-note">
          {note.text}
        </p>
      )}
    </section>
  );
}
