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

/** The temporary password the identity directory e-mailed to `email` with its invitation (maildev). */
export function temporaryPasswordFor(maildevUrl: string, email: string): Promise<string> {
  return eventually(async () => {
    const mails = (await (await fetch(`${maildevUrl}/api/email`)).json()) as {
      to: { address: string }[];
      text: string;
    }[];
    return mails
      .find((m) => m.to.some((t) => t.address === email))
      ?.text.match(/Temporary password: (\S+)\./)?.[1];
  }, `the invitation to ${email}`);
}
