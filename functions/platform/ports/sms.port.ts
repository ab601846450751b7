/** Outbound SMS (SNS in AWS; a local SNS endpoint writing to the SMS outbox in the embedded default). */
export interface SmsMessage {
  /** E.164, e.g. +994501234567 */
  phone: string;
  text: string;
}

export interface SmsSender {
  send(message: SmsMessage): Promise<{ messageId: string }>;
}
