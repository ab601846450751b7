import { extractContentTextTask } from '../../modules/search';
import { taskHandler } from '../../platform/observability/task-handler';
import { extractor, objects, search, workflow } from '../../wiring/adapters';
import { getContainer, wire } from '../../wiring/container';

wire({ extractor, objects, search, workflow });

/** Lambda entry of the `extractContentText` Step Functions task (text of a file, OCR included). */
export const handler = taskHandler('extractContentText', (raw) =>
  extractContentTextTask(raw, getContainer()),
);
