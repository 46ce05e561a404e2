import { agendaIoEn } from '../i18n/parts/agenda-io';
import type { Translate } from '../i18n/translate';
import { fieldOf, type ImportProblem } from './problems';

/**
 * An import problem in the reader's language: where (row and column, line, or the item by name),
 * then what. The console's Import dialog and the desktop app's File menu both say it this way.
 */
export function problemText(t: Translate, p: ImportProblem): { where: string; what: string } {
  const where = p.item
    ? t('agendaIo.at.item', { session: p.item.session, item: p.item.title, field: fieldOf(p.column) })
    : p.row !== null
      ? p.column
        ? t('agendaIo.at.row', { row: p.row, column: p.column })
        : t('agendaIo.at.rowOnly', { row: p.row })
      : p.line !== null
        ? t('agendaIo.at.line', { line: p.line, column: p.column })
        : p.column
          ? t('agendaIo.at.field', { column: p.column })
          : '';
  const key = `agendaIo.problem.${p.kind}`;
  // A kind this build does not know (a newer server) shows the server's English message.
  const what = isProblemKey(key) ? t(key, { value: p.value, detail: p.detail, message: p.message }) : p.message;
  return { where, what };
}

const isProblemKey = (key: string): key is keyof typeof agendaIoEn => Object.hasOwn(agendaIoEn, key);
