import { findItem } from '../../../../shared/agenda/agenda-queries';
import type { SpeakerPreset } from '../../../../shared/contract/presets';
import { useRostrum } from '../../../app/store';
import { uiLanguageFor, type UiLanguage } from '../../../i18n/i18n';
import { presetText } from '../../../../shared/i18n/presets';
import { runCommand } from './run-command';
import { consoleLanguage } from './translate-now';

/** The language a preset goes out in: the current speaker's (the console's own when nobody is on). */
export function speakerLanguageNow(): UiLanguage {
  const s = useRostrum.getState().snapshot;
  const item = s && s.clock.status !== 'ended' ? findItem(s.agenda, s.clock.currentItemId)?.item : undefined;
  return item ? uiLanguageFor(item.language) : consoleLanguage();
}

/** How a speaker message shows: flashing at first, and whether it outlives the current item. */
export interface MessageOptions {
  flash: boolean;
  keepAcrossItems: boolean;
}

/** A preset, as its id plus its text in the current speaker's language (monitors may show their own). */
export async function sendPreset(preset: SpeakerPreset, options: MessageOptions): Promise<boolean> {
  const ack = await runCommand(
    { type: 'message.speaker', text: presetText(preset, speakerLanguageNow()), preset, ...options },
    'moderator.action.message',
  );
  return ack.ok;
}

export async function sendSpeakerText(text: string, options: MessageOptions): Promise<boolean> {
  return (await runCommand({ type: 'message.speaker', text, ...options }, 'moderator.action.message')).ok;
}

export async function clearSpeakerMessage(): Promise<void> {
  await runCommand({ type: 'message.clear', target: 'speaker' }, 'moderator.action.clearMessage');
}

/** Esc: clears the speaker message, if one is showing. */
export async function clearSpeakerMessageIfShown(): Promise<void> {
  if (useRostrum.getState().snapshot?.messages.speaker) await clearSpeakerMessage();
}

export async function sendBoothText(text: string): Promise<boolean> {
  return (await runCommand({ type: 'message.booth', text }, 'moderator.action.boothMessage')).ok;
}

export async function clearBoothMessage(): Promise<void> {
  await runCommand({ type: 'message.clear', target: 'booth' }, 'moderator.action.clearMessage');
}

/** Blanks the speaker monitors, or brings them back. */
export async function toggleBlank(): Promise<void> {
  const blank = !(useRostrum.getState().snapshot?.display.speakerBlank ?? false);
  await runCommand({ type: 'display.blank', blank }, 'moderator.action.blank');
}

export async function acknowledgeRequest(requestId: string): Promise<void> {
  await runCommand({ type: 'booth.ack', requestId }, 'moderator.action.ack');
}

/** The booth's "slow down", passed on to the speaker monitor in one click; the request is then acknowledged. */
export async function forwardSlowDown(requestId: string): Promise<void> {
  if (await sendPreset('slow-down', { flash: true, keepAcrossItems: false })) await acknowledgeRequest(requestId);
}

export async function setBoothMayEdit(allowed: boolean): Promise<void> {
  await runCommand({ type: 'settings.update', boothMayEditNotes: allowed }, 'moderator.action.settings');
}
