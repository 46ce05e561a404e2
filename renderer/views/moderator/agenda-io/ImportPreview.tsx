import type { Agenda } from '../../../../shared/agenda/agenda-schema';
import { IMPORT_LIMITS } from '../../../../shared/agenda-io/import-limits';
import { capProblems, problemCount, type ImportProblem } from '../../../../shared/agenda-io/problems';
import type { ImportSummary } from '../../../../shared/agenda-io/import-types';
import { formatSeconds } from '../../../../shared/clock/format';
import { speakerName } from '../../../app/speaker-label';
import { useI18n } from '../../../i18n/i18n';
import { problemText } from '../../../../shared/agenda-io/problem-text';

/** At most this many problems are drawn: a file with 400,000 bad rows must not freeze the console. */
export const MAX_SHOWN_PROBLEMS = IMPORT_LIMITS.problems;

function ProblemList({ problems: all, kind }: { problems: ImportProblem[]; kind: 'error' | 'warning' }) {
  const { t, lang } = useI18n();
  if (all.length === 0) return null;
  // The server cuts each list at 100 with an "and N more" entry; a list from elsewhere is cut here alike.
  const total = problemCount(all);
  const problems = all.length > MAX_SHOWN_PROBLEMS + 1 ? capProblems(all.filter((p) => p.kind !== 'more-problems'), MAX_SHOWN_PROBLEMS) : all;
  return (
    <section className={`aio-problems aio-problems--${kind}`} data-testid={`agenda-import-${kind}s`} role={kind === 'error' ? 'alert' : undefined}>
      <h3 className="aio-problems__heading">
        {t(kind === 'error' ? 'agendaIo.errors' : 'agendaIo.warnings', { count: total.toLocaleString(lang) })}
      </h3>
      <ul className="aio-problems__list">
        {problems.map((p, i) => {
          const { where, what } = problemText(t, p.kind === 'more-problems' ? { ...p, value: Number(p.value).toLocaleString(lang) } : p);
          return (
            <li key={i} data-testid={`agenda-import-${kind}`} data-row={p.row ?? ''} data-column={p.column} data-kind={p.kind} title={p.message}>
              {where && <span className="aio-problems__where">{where}</span>} {what}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** What the file would give: the summary, every error and warning, and the sessions and items. */
export function ImportPreview({ agenda, summary, errors, warnings }: { agenda: Agenda | null; summary: ImportSummary | null; errors: ImportProblem[]; warnings: ImportProblem[] }) {
  const { t, lang } = useI18n();
  return (
    <div className="aio-preview">
      {summary && (
        <p className="aio-summary" data-testid="agenda-import-summary" data-items={summary.items} data-sessions={summary.sessions}>
          {t('agendaIo.summary', { sessions: summary.sessions, items: summary.items, planned: formatSeconds(summary.plannedSec) })}
          {summary.untimed > 0 && <span className="aio-summary__extra"> · {t('agendaIo.summary.untimed', { count: summary.untimed })}</span>}
        </p>
      )}
      <ProblemList problems={errors} kind="error" />
      <ProblemList problems={warnings} kind="warning" />
      {agenda && agenda.sessions.length > 0 && (
        <div className="aio-table-wrap">
          <table className="aio-table" data-testid="agenda-import-preview" aria-label={t('agendaIo.preview')}>
            <thead>
              <tr>
                <th>{t('agendaIo.col.start')}</th>
                <th>{t('agendaIo.col.item')}</th>
                <th>{t('agendaIo.col.language')}</th>
                <th className="aio-table__num">{t('agendaIo.col.duration')}</th>
              </tr>
            </thead>
            {agenda.sessions.map((s) => (
              <tbody key={s.id}>
                <tr className="aio-table__session">
                  <th scope="rowgroup">{s.plannedStart}</th>
                  <th scope="rowgroup" colSpan={3}>
                    {s.title} <span className="aio-table__muted">– {s.plannedEnd}</span>
                  </th>
                </tr>
                {s.items.map((item) => {
                  const name = speakerName(item, lang);
                  return (
                    <tr key={item.id} data-testid="agenda-import-item" data-item-id={item.id}>
                      <td />
                      <td>
                        <span className="aio-table__name">{name}</span>
                        {name !== item.title && <span className="aio-table__muted"> · {item.title}</span>}
                      </td>
                      <td>{item.language}</td>
                      <td className="aio-table__num">{item.durationSec === undefined ? t('agendaIo.open') : formatSeconds(item.durationSec)}</td>
                    </tr>
                  );
                })}
              </tbody>
            ))}
          </table>
        </div>
      )}
    </div>
  );
}
