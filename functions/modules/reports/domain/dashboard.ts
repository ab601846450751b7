import type { ControlRow } from './control';

/** Execution discipline of a group (a department, a person): counts, on-time share, average delay. */
export interface Discipline {
  id: string;
  name: string;
  /** Controlled resolutions in the period. */
  total: number;
  onTime: number;
  late: number;
  notExecuted: number;
  /** Not executed and past the due date, today. */
  overdue: number;
  /** Executed on time among the executed, 0–100 (undefined before anything is executed). */
  onTimePct?: number;
  /** Working days late, averaged over the executed ones (on time counts 0). */
  averageDelay?: number;
}

export interface MonthTrend {
  /** yyyy-MM of the due date. */
  month: string;
  onTime: number;
  late: number;
  notExecuted: number;
  onTimePct?: number;
}

const empty = (id: string, name: string): Discipline => ({
  id,
  name,
  total: 0,
  onTime: 0,
  late: 0,
  notExecuted: 0,
  overdue: 0,
});

/** Folds report rows into discipline figures per key. */
export class DisciplineTally {
  private readonly groups = new Map<string, Discipline & { delay: number }>();

  add(id: string, name: string, row: ControlRow): void {
    const g = this.groups.get(id) ?? { ...empty(id, name), delay: 0 };
    g.total += 1;
    if (row.state === 'on-time') g.onTime += 1;
    else if (row.state === 'late') {
      g.late += 1;
      g.delay += Math.max(0, -(row.workingDays ?? 0));
    } else g.notExecuted += 1;
    if (row.overdue) g.overdue += 1;
    this.groups.set(id, g);
  }

  result(): Discipline[] {
    return [...this.groups.values()]
      .map(({ delay, ...g }) => {
        const executed = g.onTime + g.late;
        return {
          ...g,
          ...(executed ? { onTimePct: Math.round((1000 * g.onTime) / executed) / 10 } : {}),
          ...(executed ? { averageDelay: Math.round((10 * delay) / executed) / 10 } : {}),
        };
      })
      .sort((a, b) => b.total - a.total || a.name.localeCompare(b.name));
  }
}

export function monthTrend(rows: Iterable<ControlRow>): MonthTrend[] {
  const months = new Map<string, MonthTrend>();
  for (const r of rows) {
    if (!r.dueDate) continue;
    const month = r.dueDate.slice(0, 7);
    const m = months.get(month) ?? { month, onTime: 0, late: 0, notExecuted: 0 };
    if (r.state === 'on-time') m.onTime += 1;
    else if (r.state === 'late') m.late += 1;
    else m.notExecuted += 1;
    months.set(month, m);
  }
  return [...months.values()]
    .sort((a, b) => a.month.localeCompare(b.month))
    .map((m) => {
      const executed = m.onTime + m.late;
      return executed ? { ...m, onTimePct: Math.round((1000 * m.onTime) / executed) / 10 } : m;
    });
}

/** Monday and Sunday (Baku calendar dates) of the week of `today`. */
export function weekOf(today: string): { from: string; to: string } {
  const t = Date.parse(`${today}T00:00:00Z`);
  const weekday = (new Date(t).getUTCDay() + 6) % 7;
  const day = (n: number) => new Date(t + n * 86_400_000).toISOString().slice(0, 10);
  return { from: day(-weekday), to: day(6 - weekday) };
}
