import type { BoothRequest } from '../../../../shared/contract/state';
import { useRostrum } from '../../../app/store';

export const isOpen = (r: BoothRequest): boolean => r.acknowledgedAt === null;

/** How many booth requests nobody has acknowledged yet. */
export const useOpenRequestCount = (): number => useRostrum((s) => s.snapshot?.booth.requests.filter(isOpen).length ?? 0);
