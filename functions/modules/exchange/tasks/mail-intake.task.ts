import * as z from 'zod';
import { takeInMail, type IntakeOutcome, type MailIntakeDeps } from '../usecases/mail-intake.usecase';

/**
 * The S3 event of the intake bucket (ObjectCreated), as S3 sends it to a Lambda in AWS and as the
 * embedded default's SMTP listener hands it to the same handler. Object keys come URL-encoded
 * (spaces as `+`).
 */
const s3Event = z.object({
  Records: z
    .array(
      z.object({
        eventName: z.string().optional(),
        s3: z.object({
          bucket: z.object({ name: z.string() }),
          object: z.object({ key: z.string().min(1), versionId: z.string().optional() }),
        }),
      }),
    )
    .min(1),
});

export type IntakeEvent = z.infer<typeof s3Event>;

/** The S3 event of one stored raw message (what the local SMTP listener hands to the handler). */
export const intakeEvent = (bucket: string, key: string, versionId?: string): IntakeEvent => ({
  Records: [
    {
      eventName: 'ObjectCreated:Put',
      s3: {
        bucket: { name: bucket },
        object: { key: encodeURIComponent(key).replace(/%20/g, '+'), ...(versionId ? { versionId } : {}) },
      },
    },
  ],
});

/** Takes in every message the event names; an error fails the event (S3's retries, then the DLQ). */
export async function mailIntakeTask(
  raw: unknown,
  deps: () => MailIntakeDeps,
  intakeDomain: string,
): Promise<IntakeOutcome[]> {
  const event = s3Event.parse(raw);
  const outcomes: IntakeOutcome[] = [];
  for (const record of event.Records) {
    const key = decodeURIComponent(record.s3.object.key.replace(/\+/g, ' '));
    outcomes.push(
      ...(await takeInMail(deps(), {
        key,
        intakeDomain,
        ...(record.s3.object.versionId ? { versionId: record.s3.object.versionId } : {}),
      })),
    );
  }
  return outcomes;
}
