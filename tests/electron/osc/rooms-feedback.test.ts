import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { initialState } from '../../../electron/engine/initial-state';
import type { OscFeedback } from '../../../electron/osc/osc-feedback';
import { startRoomsFeedback } from '../../../electron/osc/rooms-feedback';
import { fileStateStore } from '../../../electron/persistence/file-store';
import { openRooms } from '../../../electron/rooms/open-rooms';
import type { RoomRegistry } from '../../../electron/rooms/room-registry';
import { RostrumCore } from '../../../electron/server/core';
import { instant, type Instant } from '../../../shared/time/instant';
import { T0, loadSample, makeAgenda, makeItem, makeSession } from '../../builders';

/** OSC feedback per room (#18, docs/control.md): each room on `/rostrum/<roomId>/state/…`, `main` as before. */
describe('OSC feedback of every room', () => {
  let now: Instant;
  let dataDir: string;
  let registry: RoomRegistry;
  let sent: { address: string; args: (string | number)[] }[];
  let feedback: OscFeedback;
  const tokens = { control: 'c'.repeat(24), booth: 'b'.repeat(24), view: 'v'.repeat(24) };
  const at = (address: string) => sent.filter((m) => m.address === address).map((m) => m.args);
  const advance = (ms: number) => {
    now = instant(now + ms);
    vi.advanceTimersByTime(ms);
  };
  const agenda = (id: string) => makeAgenda({ sessions: [makeSession({ id: `${id}-s`, items: [makeItem({ id: `${id}-talk`, title: `Talk in ${id}`, durationSec: 600 })] })] });
  const addRoom = (id: string) => {
    expect(registry.add({ id, name: { en: `Room ${id}`, zh: `会场 ${id}` } }).ok).toBe(true);
    registry.core(id)!.execute({ type: 'agenda.replace', agenda: agenda(id) }, 'control');
  };

  beforeEach(() => {
    vi.useFakeTimers();
    now = T0;
    dataDir = mkdtempSync(join(tmpdir(), 'rostrum-osc-rooms-'));
    const clock = { now: () => now };
    const main = new RostrumCore(initialState(loadSample(), 1), fileStateStore(dataDir), clock);
    ({ registry } = openRooms({ dataDir, main, clock, now: new Date(T0), openStateStore: fileStateStore, stateFilePath: (dir) => join(dir, 'state.json'), venueTokens: () => tokens }));
    addRoom('a'); // present when feedback starts
    sent = [];
    feedback = startRoomsFeedback({ core: main, rooms: registry, target: { host: '127.0.0.1', port: 9 }, log: () => {}, emit: (address, args) => sent.push({ address, args }) });
  });
  afterEach(async () => {
    await feedback.close();
    vi.useRealTimers();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const fullState = (prefix: string) => [
    `${prefix}/state/status`,
    `${prefix}/state/phase`,
    `${prefix}/state/current`,
    `${prefix}/state/remaining`,
    ...[1, 2].flatMap((id) => [`${prefix}/state/aux/${id}/status`, `${prefix}/state/aux/${id}/time`, `${prefix}/state/aux/${id}/label`]),
  ];

  it('sends main on today\'s addresses and each room present at start on its own, with the same shapes', () => {
    expect(sent.map((m) => m.address)).toEqual([...fullState('/rostrum'), ...fullState('/rostrum/a')]);
    expect(at('/rostrum/state/current')).toEqual([['open-local-gov', 'Welcoming remarks', 'Local government representative']]);
    expect(at('/rostrum/a/state/current')).toEqual([['a-talk', 'Talk in a', expect.any(String)]]);
    expect(at('/rostrum/a/state/remaining')).toEqual([[600, '10:00']]);
  });

  it('feeds a room added later, ticks a running room once a second on its own addresses, and main stays quiet', () => {
    sent = [];
    addRoom('b');
    expect(sent.map((m) => m.address).slice(0, 10)).toEqual(fullState('/rostrum/b'));
    expect(at('/rostrum/b/state/current').at(-1)).toEqual(['b-talk', 'Talk in b', expect.any(String)]);
    registry.core('b')!.execute({ type: 'start' }, 'control');
    expect(at('/rostrum/b/state/status').at(-1)).toEqual(['running']);
    sent = [];
    advance(999);
    expect(sent).toEqual([]);
    advance(1);
    advance(1000);
    expect(sent.map((m) => m.address)).toEqual(['/rostrum/b/state/remaining', '/rostrum/b/state/remaining']);
    expect(at('/rostrum/b/state/remaining')).toEqual([[599, '9:59'], [598, '9:58']]);
  });

  it('coalesces as main does: an unchanged room\'s extra timers are not sent again, and another room\'s change sends nothing of it', () => {
    sent = [];
    registry.core('a')!.execute({ type: 'message.speaker', text: 'Five minutes' }, 'control');
    expect(sent.map((m) => m.address)).toEqual(fullState('/rostrum/a').slice(0, 4));
  });

  it('stops a removed room\'s feedback, its tick included', () => {
    registry.core('a')!.execute({ type: 'start' }, 'control');
    expect(registry.remove('a', true).ok).toBe(true);
    sent = [];
    advance(5000);
    registry.core('main')!.execute({ type: 'start' }, 'control');
    expect(sent.filter((m) => m.address.startsWith('/rostrum/a/'))).toEqual([]);
    expect(at('/rostrum/state/status')).toEqual([['running']]);
  });
});
