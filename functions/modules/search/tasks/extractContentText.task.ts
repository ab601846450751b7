/**
 * Task Lambda of statemachines/content-text.asl.json (`${fn_extractContentText}`): extracts the
 * text of one content file (OCR of scans included), stores it beside the file and indexes the
 * document again. A retry finds the text stored and only indexes.
 */
import * as z from 'zod';
import { stepTask } from '../../../platform/kernel/step-task';
import { extractContentText } from '../usecases/extract-content-text.usecase';
import type { SearchDeps } from '../usecases/deps';

const event = z.object({
  tenantId: z.string().min(1).max(100),
  documentId: z.string().min(1).max(100),
  contentId: z.string().min(1).max(100),
});

export const extractContentTextTask = stepTask(event, (deps: SearchDeps, input) =>
  extractContentText(deps, input),
);
