import { describe, expect, it } from 'vitest';
import type { AutomationRule } from '../../../shared/contract/automation';
import { roomRefusal } from '../../../electron/automation/rule-rooms';

const rule = (id: string, room?: string): AutomationRule => ({ id, enabled: true, ...(room ? { room } : {}), when: 'item.started', then: { type: 'message', text: 'x' } });
const rooms = new Set(['main', 'breakout-a']);
const has = (id: string) => rooms.has(id);

describe('roomRefusal', () => {
  it('accepts rules without room (main) and rules for rooms that exist', () => {
    expect(roomRefusal([rule('a'), rule('b', 'breakout-a'), rule('c', 'main')], [], has)).toBeNull();
  });

  it('refuses a rule for a room that does not exist, naming its index, the field and the room', () => {
    expect(roomRefusal([rule('a'), rule('z', 'breakout-z')], [], has)).toMatchObject({ code: 'invalid', path: 'rules.1.room', message: 'rules.1.room: rule "z": no room "breakout-z" (see GET /api/v1/rooms)' });
  });

  it('keeps a saved rule whose room was removed, but not a rule moved to it or a new one', () => {
    const saved = [rule('b', 'breakout-b')];
    expect(roomRefusal([rule('b', 'breakout-b')], saved, has)).toBeNull();
    expect(roomRefusal([rule('b', 'breakout-b'), rule('n', 'breakout-b')], saved, has)?.message).toMatch(/^rules\.1\.room/);
    expect(roomRefusal([rule('a', 'breakout-b')], [rule('a')], has)?.message).toMatch(/^rules\.0\.room/);
  });
});
