import { afterEach, describe, expect, it } from 'vitest';
import type { BoothRequest, Snapshot } from '../../../../shared/contract/state';
import { instant } from '../../../../shared/time/instant';
import { useRostrum } from '../../../../renderer/app/store';
import { watchRequests } from '../../../../renderer/views/moderator/requests/watch-requests';

const request = (id: string, count = 1, acknowledged = false): BoothRequest => ({
  id,
  booth: 'Booth A',
  kind: 'slow-down',
  text: '',
  firstAt: instant(0),
  lastAt: instant(0),
  count,
  acknowledgedAt: acknowledged ? instant(1) : null,
});

/** Only the part of the snapshot the watcher reads. */
const show = (requests: BoothRequest[]) =>
  useRostrum.setState({ snapshot: { booth: { requests, turns: {}, mayEditNotes: false } } as unknown as Snapshot });

afterEach(() => useRostrum.setState({ snapshot: null, link: 'connecting' }));

describe('watchRequests', () => {
  it('is silent for what was open when the console connected, then calls once per arrival and per repeat', () => {
    const asked: string[] = [];
    const stop = watchRequests((key) => asked.push(key));
    show([request('r1')]);
    expect(asked).toEqual([]);
    show([request('r1'), request('r2')]);
    expect(asked).toEqual(['request|r2|1']);
    show([request('r1', 2), request('r2')]);
    expect(asked).toEqual(['request|r2|1', 'request|r1|2']);
    // The same state sent again (a reconnect's snapshot), and an acknowledgement: nothing new.
    show([request('r1', 2), request('r2')]);
    show([request('r1', 2, true), request('r2')]);
    expect(asked).toHaveLength(2);
    stop();
    show([request('r3')]);
    expect(asked).toHaveLength(2);
  });
});
