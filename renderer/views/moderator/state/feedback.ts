import { create } from 'zustand';
import type { Item } from '../../../../shared/agenda/agenda-schema';
import type { ApiError } from '../../../../shared/contract/errors';
import type { MessageKey } from '../../../../shared/i18n/en';

/** What the moderator was trying to do, named in the feedback line ("Next: …"). */
export type ActionKey = Extract<MessageKey, `moderator.action.${string}`>;

/** A removed item, kept so that the removal can be undone by inserting it where it was. */
export interface RemovedItem {
  item: Item;
  sessionId: string;
  /** The item that followed it in its session; null when it was the last one. */
  beforeItemId: string | null;
}

export interface FeedbackState {
  /** The last refused command, until the next attempt. */
  error: (ApiError & { action: ActionKey }) | null;
  /** A neutral note (e.g. a double press that was ignored); not an error. */
  notice: Extract<MessageKey, `moderator.notice.${string}`> | null;
  /** The last removal, while it can still be undone. */
  removed: RemovedItem | null;
}

/** One feedback line for the whole console: a refusal from any panel shows in the same place. */
export const useFeedback = create<FeedbackState>(() => ({ error: null, notice: null, removed: null }));

export const clearFeedback = () => useFeedback.setState({ error: null, notice: null });
export const showError = (error: ApiError, action: ActionKey) => useFeedback.setState({ error: { ...error, action }, notice: null });
export const showNotice = (notice: FeedbackState['notice']) => useFeedback.setState({ notice });
export const setRemoved = (removed: RemovedItem | null) => useFeedback.setState({ removed });
