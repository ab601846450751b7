/**
 * Task Lambda of statemachines/eservice-application.asl.json (`${fn_applicationIssue}`, state
 * `Issue`): the results of every decision of the application (e-visa PDFs, decision letters), and
 * the state `decided`. Idempotent: run again it issues nothing twice (usecases/results).
 */
import * as z from 'zod';
import { stepTask } from '../../../platform/kernel/step-task';
import type { ResultsDeps } from '../ports';
import { issueResults } from '../usecases/results/issue.usecase';

const event = z.object({
  tenantId: z.string().min(1).max(128),
  applicationId: z.string().min(1).max(64),
});

export const applicationIssueTask = stepTask(event, async (deps: ResultsDeps, input) => {
  const outcome = await issueResults(deps, input);
  return {
    state: outcome.state,
    issued: outcome.issued,
    results: outcome.results.map((r) => ({
      applicant: r.applicant,
      kind: r.kind,
      ...(r.number ? { number: r.number } : {}),
    })),
  };
});
