import { describe, expect, it } from 'vitest';
import { splitRowsByRoom } from '../../../shared/agenda-io/room-column';

describe('splitRowsByRoom (#18)', () => {
  const rows = [
    { row: 1, cells: ['session', 'Room', 'title', 'session_start'] },
    { row: 2, cells: ['Opening', '', 'Welcome', '09:00'] },
    { row: 3, cells: [''] },
    { row: 4, cells: ['Breakout', 'b', 'Talk', '12:30:00'], short: { 3: '12:30', 1: 'x' } },
    { row: 5, cells: ['Breakout', 'a', 'Other', '11:00'] },
  ];

  it('is null without a room column: the file fills one room, as before', () => {
    expect(splitRowsByRoom([{ row: 1, cells: ['session', 'title'] }, { row: 2, cells: ['S', 'T'] }])).toBeNull();
  });

  it('names the rooms with their first row, and gives each room its rows without the column, row numbers kept', () => {
    const split = splitRowsByRoom(rows)!;
    expect(split.rooms).toEqual([{ room: 'b', row: 4 }, { room: 'a', row: 5 }]);
    expect(split.rowsOf({ id: 'b', blank: false })).toEqual([
      { row: 1, cells: ['session', 'title', 'session_start'] },
      // The two-way cell moves with its column; the room cell's is dropped.
      { row: 4, cells: ['Breakout', 'Talk', '12:30:00'], short: { 2: '12:30' } },
    ]);
    expect(split.rowsOf({ id: 'main', blank: true }).map((r) => r.row)).toEqual([1, 2]);
  });
});
