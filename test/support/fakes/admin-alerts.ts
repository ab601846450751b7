import type { AdminAlerts } from '../../../functions/modules/documents/ports';

/** Keeps the alerts the admins would get. */
export class RecordingAdminAlerts implements AdminAlerts {
  readonly alerts: Array<Parameters<AdminAlerts['contentProblem']>[0]> = [];

  async contentProblem(input: Parameters<AdminAlerts['contentProblem']>[0]): Promise<void> {
    this.alerts.push(input);
  }
}
