/** One row of the bench table: a figure, its target, what was measured, and whether it passes. */
export interface BenchRow {
  figure: string;
  target: string;
  measured: string;
  pass: boolean | null;
}
