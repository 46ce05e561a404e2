// Types for setup.mjs (plain JS so it runs before `npm ci`), for the TypeScript tests.

export const ROOT: string;
export const BUILD_SOURCES: readonly string[];
export const BUILD_OUTPUTS: readonly string[];
export const BUILD_STAMP: string;
export const CHROMIUM_FALLBACKS: readonly string[];

export function mtimeOf(file: string): number | undefined;
export function isStale(stampMtime: number | null | undefined, newestSourceMtime: number | null | undefined): boolean;
export function newestFile(paths: readonly string[]): { path: string; mtimeMs: number } | undefined;
export function newestMtime(paths: readonly string[]): number | undefined;
export function buildSourcePaths(root?: string): string[];
export function depsInstallReason(root?: string): string | null;
export function buildReason(root?: string): string | null;
export function chromiumCandidates(env?: NodeJS.ProcessEnv): string[];
export function locateChromium(
  env?: NodeJS.ProcessEnv,
  exists?: (path: string) => boolean,
): { path: string | undefined; error?: undefined } | { error: string; path?: undefined };
export function which(cmd: string, env?: NodeJS.ProcessEnv): string | undefined;
export function run(cmd: string, args: readonly string[], options?: import('node:child_process').SpawnSyncOptions): number;
export function exitCodeOf(status: number | null, signal: NodeJS.Signals | null): number;
export function fail(message: string, code?: number): never;
export function ensureDeps(root?: string): void;
export function ensureBuild(root?: string): void;
export function findChromium(): string;
export function aptToolPlan(found: boolean, isRoot: boolean, hasAptGet: boolean): 'present' | 'install' | 'skip';
export function ensureAptTool(bin: string, aptPackage: string): boolean;
export function electronBinary(root?: string): string | undefined;
export interface HostSystem {
  uid: number | undefined;
  readFile(file: string): string;
  stat(file: string): { uid: number; mode: number };
}
export const USERNS_RESTRICTION: string;
export function hostSystem(): HostSystem;
export function sandboxProblem(root?: string, system?: HostSystem): string | null;
export function electronUnavailableReason(root?: string, env?: NodeJS.ProcessEnv, platform?: NodeJS.Platform, system?: HostSystem): string | null;
export function electronSwitches(env?: NodeJS.ProcessEnv, platform?: NodeJS.Platform, uid?: number): { args: string[]; notices: string[] };
