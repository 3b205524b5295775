/** One figure of the benchmark over all its runs. */
export interface Row {
  scenario: string;
  metric: string;
  /** What it should be, in words; never checked, timings vary too much to fail on. */
  target: string;
  values: number[];
  median: number;
  min: number;
  max: number;
}

/** Collects figures run by run, in the order they are first added. */
export function createReport() {
  const rows = new Map<string, Omit<Row, 'median' | 'min' | 'max'>>();
  return {
    add(scenario: string, metric: string, value: number, target = ''): void {
      const key = `${scenario}\u0000${metric}`;
      const row = rows.get(key) ?? { scenario, metric, target, values: [] };
      row.values.push(value);
      rows.set(key, row);
    },
    rows(): Row[] {
      return [...rows.values()].map((row) => ({ ...row, ...summarize(row.values) }));
    },
  };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? NaN) : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
}

function summarize(values: readonly number[]) {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
}

const figure = (value: number) =>
  Number.isInteger(value) ? String(value) : value.toFixed(Math.abs(value) < 10 ? 2 : 1);

/** The rows as a fixed-width table, one line per figure. */
export function formatTable(rows: readonly Row[]): string {
  const cells = [
    ['scenario', 'metric', 'median', 'min', 'max', 'target'],
    ...rows.map((row) => [row.scenario, row.metric, figure(row.median), figure(row.min), figure(row.max), row.target]),
  ];
  const widths = cells[0]!.map((_, column) => Math.max(...cells.map((line) => line[column]!.length)));
  return cells
    .map((line) =>
      line
        .map((cell, column) =>
          column >= 2 && column <= 4 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!),
        )
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
