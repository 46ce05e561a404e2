import { useMemo } from 'react';
import type { LocatedItem } from '../../../shared/agenda/agenda-queries';
import { useLineup } from '../../app/hooks';
import { useRostrum } from '../../app/store';
import { upcomingOf } from './upcoming';

export interface BoothLineup {
  current: LocatedItem | undefined;
  /** The next items, in order; the first is the next one to run. */
  upcoming: LocatedItem[];
  ended: boolean;
}

/** The current item and those after it; recomputed only when the agenda or the current item changes. */
export function useBoothLineup(): BoothLineup {
  const agenda = useRostrum((s) => s.snapshot?.agenda);
  const { current, ended } = useLineup();
  return useMemo(() => ({ current, upcoming: upcomingOf(agenda, current), ended }), [agenda, current, ended]);
}
