import { describe, expect, it } from 'vitest';
import { oscRoom } from '../../../electron/osc/osc-map';
import { roomIdProblem } from '../../../shared/contract/rooms';

describe('oscRoom (#18)', () => {
  it("leaves today's addresses to main", () => {
    for (const address of ['/rostrum/next', '/rostrum/goto', '/rostrum/message/speaker', '/rostrum/message/clear', '/rostrum/adjust', '/rostrum/aux/start', '/rostrum/aux/reset', '/other/next']) {
      expect(oscRoom(address)).toEqual({ room: null, address });
    }
  });
  it('reads /rostrum/<roomId>/… as that room and today\'s address', () => {
    expect(oscRoom('/rostrum/breakout-a/next')).toEqual({ room: 'breakout-a', address: '/rostrum/next' });
    expect(oscRoom('/rostrum/b/message/speaker')).toEqual({ room: 'b', address: '/rostrum/message/speaker' });
  });
  it('keeps room ids off the words of the addresses', () => {
    expect(roomIdProblem('next')).toMatch(/OSC/);
    expect(roomIdProblem('message')).toMatch(/OSC/);
    expect(roomIdProblem('breakout-a')).toBeNull();
  });
});
