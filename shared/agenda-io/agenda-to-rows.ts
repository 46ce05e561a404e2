import type { Agenda } from '../agenda/agenda-schema';
import { COLUMNS, type Column } from './columns';
import { formatDurationCell } from './duration';
import { autoAdvanceCell } from './timing-cells';

const yesNo = (b: boolean) => (b ? 'yes' : 'no');

/**
 * The agenda as spreadsheet rows (the header first), in the columns import reads, so that
 * exporting and importing again gives the same agenda. Session fields are written on each
 * session's first row; a session without items gets a row of its own.
 */
export function agendaToRows(agenda: Agenda): string[][] {
  const rows: string[][] = [[...COLUMNS]];
  for (const s of agenda.sessions) {
    const sessionCells: Partial<Record<Column, string>> = {
      session_start: s.plannedStart,
      session_end: s.plannedEnd,
      moderator: s.moderator,
      moderator_language: s.moderatorLanguage,
      session_auto_start: s.autoStart === undefined ? '' : yesNo(s.autoStart),
      session_auto_advance: autoAdvanceCell(s.autoAdvance),
      session_end_at: s.endAt ?? '',
    };
    const first = (c: Column) => sessionCells[c] ?? '';
    if (s.items.length === 0) {
      rows.push(COLUMNS.map((c) => (c === 'session' ? s.title : c === 'session_id' ? s.id : first(c))));
      continue;
    }
    s.items.forEach((item, i) => {
      const cells: Record<Column, string> = {
        session: s.title,
        session_id: s.id,
        session_start: i === 0 ? first('session_start') : '',
        session_end: i === 0 ? first('session_end') : '',
        moderator: i === 0 ? first('moderator') : '',
        moderator_language: i === 0 ? first('moderator_language') : '',
        session_auto_start: i === 0 ? first('session_auto_start') : '',
        session_auto_advance: i === 0 ? first('session_auto_advance') : '',
        session_end_at: i === 0 ? first('session_end_at') : '',
        id: item.id,
        title: item.title,
        kind: item.kind,
        speaker: item.speaker.name,
        speaker_local: item.speaker.localName,
        honorific: item.speaker.honorific,
        role: item.speaker.role,
        organisation: item.speaker.organisation,
        duration: item.durationSec === undefined ? '' : formatDurationCell(item.durationSec),
        language: item.language,
        attendance: item.attendance,
        notes: item.notes,
        booth_notes: item.boothNotes,
        script_received: yesNo(item.scriptReceived),
        fixed: yesNo(item.fixed),
        skipped: yesNo(item.skipped),
        warning: item.warningSec === undefined ? '' : item.warningSec === 0 ? '0' : formatDurationCell(item.warningSec),
        danger: item.dangerSec === undefined ? '' : item.dangerSec === 0 ? '0' : formatDurationCell(item.dangerSec),
        end_at: item.endAt ?? '',
        auto_advance: autoAdvanceCell(item.autoAdvance),
      };
      rows.push(COLUMNS.map((c) => cells[c]));
    });
  }
  return rows;
}
