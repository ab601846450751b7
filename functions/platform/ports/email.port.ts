/** Outbound e-mail (SES in AWS; a local SES v2 endpoint relaying to maildev in the embedded default). */
export interface EmailAttachment {
  filename: string;
  contentType: string;
  content: Uint8Array;
}

export interface EmailMessage {
  to: string[];
  subject: string;
  text: string;
  html?: string;
  attachments?: EmailAttachment[];
  /** Where replies go (Reply-To), e.g. the agency's own address for its outgoing documents. */
  replyTo?: string;
}

export interface EmailSender {
  /** Returns the provider's message id. */
  send(message: EmailMessage): Promise<{ messageId: string }>;
}
