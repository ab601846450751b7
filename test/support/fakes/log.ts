import type { Log } from '../../../functions/platform/ports/log.port';

/** Keeps structured log lines (the Log port's warnings, and errors where a use case writes them). */
export class RecordingLog implements Log {
  readonly lines: Array<{ level: 'warn' | 'error'; message: string; fields?: Record<string, unknown> }> = [];

  warn(message: string, fields?: Record<string, unknown>): void {
    this.lines.push({ level: 'warn', message, ...(fields ? { fields } : {}) });
  }

  error(message: string, fields: Record<string, unknown>): void {
    this.lines.push({ level: 'error', message, fields });
  }
}
