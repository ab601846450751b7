/**
 * Task Lambda of statemachines/exchange-receipt.asl.json (`${fn_receiptCheck}`): past a delivery's
 * due time without a receipt notice, the sender's task and notice (Decree 935 §150).
 */
import * as z from 'zod';
import { stepTask } from '../../../platform/kernel/step-task';
import { checkReceipt } from '../usecases/no-receipt.usecase';

const event = z.object({
  tenantId: z.string().min(1),
  documentId: z.string().min(1),
  deliveryId: z.string().min(1),
});

export const receiptCheckTask = stepTask(event, checkReceipt);
