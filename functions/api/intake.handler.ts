/**
 * The AWS entry of e-mail in (issue 14): S3 invokes it for each raw message SES receiving stores
 * in the intake bucket; the embedded default's SMTP listener calls this same handler with an
 * equivalent event.
 */
import { mailIntakeTask } from '../modules/exchange';
import { taskHandler } from '../platform/observability/task-handler';
import { config } from '../wiring/config';
import { objects } from '../wiring/adapters';
import { getContainer, wire } from '../wiring/container';

wire({ objects });

export const handler = taskHandler('mailIntake', (event) =>
  mailIntakeTask(event, () => getContainer(), config().INTAKE_DOMAIN),
);
