import { useState } from 'react';
import { TOKEN_PARAM } from '../../../../shared/contract/http';
import { ROLES, type Role } from '../../../../shared/contract/roles';
import { rotateOwnToken } from '../../../app/connection';
import { useI18n } from '../../../i18n/i18n';
import { askConfirm } from '../state/dialogs';
import { rotateRoomToken, rotateToken } from './network-api';

/** A room's console (#18): its name as shown, and whether this console holds the producer's token rather than the room's own. */
export interface RotationRoom {
  name: string;
  producer: boolean;
}

/** The new token, and whether this console was one of the displays the server dropped. */
type Rotated = { ok: true; token: string | null; disconnected: number } | { ok: false; message: string };

/** Main's console renews the venue's tokens; a room's console its room's own (never the producer's, never another room's). */
async function rotate(role: Role, room: RotationRoom | undefined): Promise<Rotated> {
  if (room) {
    const answer = await rotateRoomToken(role);
    return answer.ok ? { ok: true, token: answer.body.token, disconnected: answer.body.disconnected } : { ok: false, message: answer.error.message };
  }
  const answer = await rotateToken(role);
  if (!answer.ok) return { ok: false, message: answer.error.message };
  const link = answer.body.links.moderator;
  return { ok: true, token: link ? new URL(link, window.location.href).searchParams.get(TOKEN_PARAM) : null, disconnected: answer.body.disconnected };
}

/**
 * One button per role: a new token, after a confirmation, since it disconnects every display
 * that used the old one. Rotating the token this console uses hands it the new one, so it stays on.
 * On a room's console (`room`) the keys are the room's own: a console opened with the producer's
 * token keeps it whatever it renews.
 */
export function TokenRotation({ onRotated, room }: { onRotated: () => void; room?: RotationRoom }) {
  const { t } = useI18n();
  const [note, setNote] = useState<{ text: string; failed: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  const renew = async (role: Role) => {
    const confirmed = await askConfirm({
      title: t('network.tokens.confirm.title'),
      body: room ? t(`network.room.tokens.confirm.${role}`, { room: room.name }) : t(`network.tokens.confirm.${role}`),
      confirmLabel: t('network.tokens.confirm.button'),
      danger: true,
    });
    if (!confirmed) return;
    setBusy(true);
    const ownRole = role === 'control' && !room?.producer;
    const own = ownRole ? rotateOwnToken('moderator') : null;
    const answer = await rotate(role, room);
    setBusy(false);
    if (!answer.ok) {
      own?.(null);
      setNote({ text: t('network.tokens.failed', { message: answer.message }), failed: true });
      return;
    }
    own?.(answer.token);
    // This console's own socket was one of the disconnected ones, and is back already.
    const others = ownRole ? Math.max(0, answer.disconnected - 1) : answer.disconnected;
    setNote({ text: t('network.tokens.done', { count: others }), failed: false });
    onRotated();
  };

  return (
    <section className="network__tokens" aria-labelledby="network-tokens-title">
      <h3 id="network-tokens-title" className="network__heading">
        {t('network.tokens.title')}
      </h3>
      <p className="network__hint" data-testid={room ? 'room-tokens-hint' : undefined}>
        {room ? t('network.room.tokens.hint', { room: room.name }) : t('network.tokens.hint')}
      </p>
      <div className="network__buttons">
        {ROLES.map((role) => (
          <button key={role} type="button" className="mod-btn" data-testid={`token-rotate-${role}`} disabled={busy} onClick={() => void renew(role)}>
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
