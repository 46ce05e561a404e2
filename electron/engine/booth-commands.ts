import { findItem } from '../../shared/agenda/agenda-queries';
import type { CommandOf } from '../../shared/contract/commands';
import { CommandError } from '../../shared/contract/errors';
import { DEFAULT_TURN_SEC, MAX_CLOSED_REQUESTS } from '../../shared/contract/presets';
import type { BoothRequest, BoothState, BoothTurn, RostrumState } from '../../shared/contract/state';
import type { Instant } from '../../shared/time/instant';

const withBooth = (state: RostrumState, booth: Partial<BoothState>): RostrumState => ({
  ...state,
  booth: { ...state.booth, ...booth },
});

const isOpen = (r: BoothRequest) => r.acknowledgedAt === null;

/** Open requests first (oldest first: they have waited longest), then closed ones, newest first, capped. */
function ordered(requests: BoothRequest[]): BoothRequest[] {
  const open = requests.filter(isOpen).sort((a, b) => a.firstAt - b.firstAt);
  const closed = requests
    .filter((r) => !isOpen(r))
    .sort((a, b) => (b.acknowledgedAt ?? 0) - (a.acknowledgedAt ?? 0))
    .slice(0, MAX_CLOSED_REQUESTS);
  return [...open, ...closed];
}

/** A booth asks the moderator. Asking again while the same kind is open bumps its count. */
export function boothRequest(state: RostrumState, cmd: CommandOf<'booth.request'>, now: Instant): RostrumState {
  const existing = state.booth.requests.find((r) => isOpen(r) && r.booth === cmd.booth && r.kind === cmd.kind);
  const requests = existing
    ? state.booth.requests.map((r) => (r === existing ? { ...r, count: r.count + 1, lastAt: now, text: cmd.text || r.text } : r))
    : [
        ...state.booth.requests,
        {
          id: `req-${now.toString(36)}-${state.revision.toString(36)}`,
          booth: cmd.booth,
          kind: cmd.kind,
          text: cmd.text,
          firstAt: now,
          lastAt: now,
          count: 1,
          acknowledgedAt: null,
        },
      ];
  return withBooth(state, { requests: ordered(requests) });
}

export function boothAck(state: RostrumState, cmd: CommandOf<'booth.ack'>, now: Instant): RostrumState {
  const request = state.booth.requests.find((r) => r.id === cmd.requestId);
  if (!request) throw new CommandError('unknown-request', `requestId: no request "${cmd.requestId}"`, 'requestId');
  if (!isOpen(request)) return state;
  return withBooth(state, {
    requests: ordered(state.booth.requests.map((r) => (r === request ? { ...r, acknowledgedAt: now } : r))),
  });
}

const turnOf = (state: RostrumState, booth: string): BoothTurn =>
  (Object.hasOwn(state.booth.turns, booth) ? state.booth.turns[booth] : undefined) ?? { turnSec: DEFAULT_TURN_SEC, startedAt: null };

const withTurn = (state: RostrumState, booth: string, turn: BoothTurn): RostrumState =>
  withBooth(state, { turns: { ...state.booth.turns, [booth]: turn } });

/** A new interpreter takes the microphone: the turn starts now (again, if one was running). */
export function turnStart(state: RostrumState, cmd: CommandOf<'booth.turn.start'>, now: Instant): RostrumState {
  const turn = turnOf(state, cmd.booth);
  return withTurn(state, cmd.booth, { turnSec: cmd.turnSec ?? turn.turnSec, startedAt: now });
}

export function turnReset(state: RostrumState, cmd: CommandOf<'booth.turn.reset'>): RostrumState {
  const turn = turnOf(state, cmd.booth);
  if (turn.startedAt === null && Object.hasOwn(state.booth.turns, cmd.booth)) return state;
  return withTurn(state, cmd.booth, { ...turn, startedAt: null });
}

export function turnLength(state: RostrumState, cmd: CommandOf<'booth.turn.length'>): RostrumState {
  const turn = turnOf(state, cmd.booth);
  if (turn.turnSec === cmd.turnSec && Object.hasOwn(state.booth.turns, cmd.booth)) return state;
  return withTurn(state, cmd.booth, { ...turn, turnSec: cmd.turnSec });
}

/**
 * A booth display takes a new name mid-turn: the new name gets the old one's turn, running clock
 * and length, so renaming never restarts the handover timer. A name whose own turn is running
 * (another screen of that booth) keeps it; the old name keeps its turn for any screen still on it.
 */
export function turnRename(state: RostrumState, cmd: CommandOf<'booth.turn.rename'>): RostrumState {
  if (cmd.from === cmd.to || !Object.hasOwn(state.booth.turns, cmd.from)) return state;
  if (turnOf(state, cmd.to).startedAt !== null) return state;
  return withTurn(state, cmd.to, turnOf(state, cmd.from));
}

export function boothNotes(state: RostrumState, cmd: CommandOf<'booth.notes'>): RostrumState {
  const found = findItem(state.agenda, cmd.itemId);
  if (!found) throw new CommandError('unknown-item', `itemId: no item "${cmd.itemId}"`, 'itemId');
  const { item } = found;
  const boothNotesText = cmd.boothNotes ?? item.boothNotes;
  const scriptReceived = cmd.scriptReceived ?? item.scriptReceived;
  if (boothNotesText === item.boothNotes && scriptReceived === item.scriptReceived) return state;
  return {
    ...state,
    agenda: {
      ...state.agenda,
      sessions: state.agenda.sessions.map((s) =>
        s.id === found.session.id
          ? { ...s, items: s.items.map((i) => (i.id === item.id ? { ...i, boothNotes: boothNotesText, scriptReceived } : i)) }
          : s,
      ),
    },
  };
}

export function replaceGlossary(state: RostrumState, cmd: CommandOf<'glossary.replace'>): RostrumState {
  return { ...state, agenda: { ...state.agenda, glossary: cmd.glossary } };
}

export function updateSettings(state: RostrumState, cmd: CommandOf<'settings.update'>): RostrumState {
  let next = state;
  if (cmd.boothMayEditNotes !== undefined && state.booth.mayEditNotes !== cmd.boothMayEditNotes) {
    next = withBooth(next, { mayEditNotes: cmd.boothMayEditNotes });
  }
  const pullForward = next.agenda.sessionsPullForward !== false;
  if (cmd.sessionsPullForward !== undefined && pullForward !== cmd.sessionsPullForward) {
    next = { ...next, agenda: { ...next.agenda, sessionsPullForward: cmd.sessionsPullForward } };
  }
  return next;
}
