import { join } from 'node:path';
import { JsonFile } from '../persistence/json-file';

/** How many transition keys are kept per rule: enough for every item run of a day to be told apart. */
const KEYS_PER_RULE = 200;

interface RuleFired {
  /** Transition keys this rule fired for, oldest first (bounded). */
  keys: string[];
  lastAt: number;
}

/**
 * `automations-fired.json` in the data dir: which transitions each rule has fired for, written
 * before the action is sent (the atomic writer of electron/persistence/json-file.ts). After a kill
 * and a restart, a firing found here is never sent again: a rule fires at most once per transition.
 */
export class FiredRecord {
  private readonly file: JsonFile;
  private readonly fired = new Map<string, RuleFired>();
  /** Why the record could not be read at start, if so (it is then started afresh). */
  readonly problem: string | null = null;

  constructor(dataDir: string, onSyncError: (error: Error) => void) {
    this.file = new JsonFile(join(dataDir, 'automations-fired.json'), onSyncError);
    try {
      const raw = this.file.read() as { fired?: Record<string, RuleFired> } | undefined;
      for (const [rule, entry] of Object.entries(raw?.fired ?? {})) {
        if (Array.isArray(entry?.keys) && typeof entry.lastAt === 'number') this.fired.set(rule, { keys: entry.keys.filter((k) => typeof k === 'string'), lastAt: entry.lastAt });
      }
    } catch (error) {
      this.problem = `automations-fired.json could not be read (${(error as Error).message}); time-driven rules will not fire late after this start`;
    }
  }

  has(ruleId: string, key: string): boolean {
    return this.fired.get(ruleId)?.keys.includes(key) ?? false;
  }

  lastAt(ruleId: string): number | null {
    return this.fired.get(ruleId)?.lastAt ?? null;
  }

  /** Records the firings (one write for all), before any of them is sent. */
  add(firings: readonly { ruleId: string; key: string }[], at: number): void {
    if (firings.length === 0) return;
    for (const { ruleId, key } of firings) {
      const entry = this.fired.get(ruleId) ?? { keys: [], lastAt: at };
      entry.keys = [...entry.keys.filter((k) => k !== key), key].slice(-KEYS_PER_RULE);
      entry.lastAt = at;
      this.fired.set(ruleId, entry);
    }
    this.file.write({ version: 1, fired: Object.fromEntries(this.fired) });
  }

  /** Forgets the rules that no longer exist. */
  keepOnly(ruleIds: ReadonlySet<string>): void {
    let changed = false;
    for (const id of [...this.fired.keys()]) if (!ruleIds.has(id)) changed = this.fired.delete(id) || changed;
    if (changed) this.file.write({ version: 1, fired: Object.fromEntries(this.fired) });
  }

  flush(): void {
    this.file.flushSync();
  }
}
