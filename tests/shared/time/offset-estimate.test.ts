import { describe, expect, it } from 'vitest';
import { OffsetEstimate } from '../../../shared/time/offset-estimate';

describe('OffsetEstimate', () => {
  it('takes the offset of the fastest of the last samples', () => {
    const e = new OffsetEstimate(3);
    expect(e.offsetMs()).toBeNull();
    // Their clock is 1000 ms ahead. A slow round trip with the delay all on the way back misleads.
    e.add(0, 1000 + 10, 200); // rtt 200: estimate 1010 + 100 - 200 = 910
    e.add(300, 1000 + 305, 310); // rtt 10: estimate 1305 + 5 - 310 = 1000
    expect(e.offsetMs()).toBe(1000);
    expect(e.lastRttMs()).toBe(10);
    e.add(400, 1400, 400 - 1); // a negative round trip is ignored
    expect(e.lastRttMs()).toBe(10);
  });

  it('forgets samples beyond its window', () => {
    const e = new OffsetEstimate(2);
    e.add(0, 500, 0); // rtt 0, offset 500
    e.add(10, 1000 + 35, 60);
    e.add(100, 1000 + 130, 160);
    expect(e.offsetMs()).toBe(1000);
  });
});
