/**
 * Structured operational logs seen by the operators (CloudWatch in AWS). Fields carry ids and
 * codes only, never personal data (names, FİN, addresses, document bodies).
 */
export interface Log {
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}
