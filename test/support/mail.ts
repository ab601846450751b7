import { eventually } from './eventually';

export interface Mail {
  subject: string;
  to: Array<{ address: string }>;
}

/** The e-mails in maildev (the embedded default's inbox) whose subject holds `subject`, once there are any. */
export function mailsWith(maildevUrl: string, subject: string, what: string): Promise<Mail[]> {
  return eventually(async () => {
    const all = (await (await fetch(`${maildevUrl}/api/email`)).json()) as Mail[];
    const found = all.filter((m) => m.subject.includes(subject));
    return found.length > 0 ? found : undefined;
  }, what);
}
