import { bakuLocalDate } from '../../documents';
import type { ArchiveDeps } from './deps';

/** The machine of the archive's integrity check (statemachines/archive-integrity.asl.json). */
export const INTEGRITY_MACHINE = 'archive-integrity';
/** The nightly check runs at 02:00 Baku, when the day before has ended and nobody works. */
export const INTEGRITY_HOUR = 2;

const bakuInstant = (day: string, hour: number) =>
  new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+04:00`).toISOString();
export const nextDay = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const executionName = (tenantId: string, year: number) => `archive-${tenantId}-${year}`;

/** Starts the agency's nightly integrity machine of a year (idempotent by execution name). */
export async function ensureIntegrityMachine(
  deps: ArchiveDeps,
  tenantId: string,
  year: number,
): Promise<void> {
  if (!deps.workflow) return;
  await deps.workflow.start({
    machine: INTEGRITY_MACHINE,
    name: executionName(tenantId, year),
    input: { tenantId, year, after: `${year}-01-01T00:00:00+04:00` },
  });
}

export type IntegrityPlan = { action: 'wait'; at: string } | { action: 'stop' };

/** The next nightly check after `after` (02:00 Baku); past the year, next year's machine takes over. */
export async function planIntegrity(
  deps: ArchiveDeps,
  input: { tenantId: string; year: number; after: string },
): Promise<IntegrityPlan> {
  const from = Math.max(Date.parse(input.after), deps.clock.now().getTime());
  let day = bakuLocalDate(new Date(from).toISOString());
  if (Date.parse(bakuInstant(day, INTEGRITY_HOUR)) <= from) day = nextDay(day);
  if (Number(day.slice(0, 4)) > input.year) {
    await ensureIntegrityMachine(deps, input.tenantId, input.year + 1);
    return { action: 'stop' };
  }
  return { action: 'wait', at: bakuInstant(day, INTEGRITY_HOUR) };
}
