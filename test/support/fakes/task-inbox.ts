import type { HumanTaskRegistration, TaskInbox } from '../../../functions/modules/notifications/ports';

/** Task tokens kept by assignment; recording the same registration again is a no-op, as the port says. */
export class MemoryTaskInbox implements TaskInbox {
  readonly registrations = new Map<string, HumanTaskRegistration>();
  writes = 0;

  async record(registration: HumanTaskRegistration): Promise<void> {
    const key = `${registration.tenantId}#${registration.assignmentId}`;
    const existing = this.registrations.get(key);
    if (existing && JSON.stringify(existing) === JSON.stringify(registration)) return;
    this.registrations.set(key, { ...registration });
    this.writes++;
  }

  async get(tenantId: string, assignmentId: string): Promise<HumanTaskRegistration | undefined> {
    return this.registrations.get(`${tenantId}#${assignmentId}`);
  }
}
