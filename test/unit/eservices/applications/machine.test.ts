import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../../../functions/platform/kernel/errors';
import {
  APPLICATION_MACHINE,
  applicationExecutionName,
} from '../../../../functions/modules/eservices/usecases/application-records';
import { ensureApplicationMachine } from '../../../../functions/modules/eservices/usecases/applications/machine';
import { MemoryWorkflowEngine } from '../../../support/fakes/workflow';
import { TENANT } from '../../../support/builders';

const application = { tenantId: TENANT, id: '7K3M-9QX2-HT4B-W8RC' };

describe('an application’s machine', () => {
  it('is started once, named after the application', async () => {
    const workflow = new MemoryWorkflowEngine();
    await ensureApplicationMachine({ workflow }, application);
    await ensureApplicationMachine({ workflow }, application);
    expect(workflow.started).toEqual([
      {
        machine: APPLICATION_MACHINE,
        name: applicationExecutionName(TENANT, application.id),
        input: { tenantId: TENANT, applicationId: application.id },
      },
    ]);
  });

  it('counts as started when an execution of that name exists', async () => {
    const workflow = new MemoryWorkflowEngine();
    workflow.start = async () => {
      throw new ConflictError('workflow_name_conflict', 'An execution of that name exists');
    };
    await expect(ensureApplicationMachine({ workflow }, application)).resolves.toBeUndefined();
  });

  it('lets any other failure of the engine through', async () => {
    const workflow = new MemoryWorkflowEngine();
    workflow.start = async () => {
      throw new ConflictError('stale_version', 'Something else');
    };
    await expect(ensureApplicationMachine({ workflow }, application)).rejects.toMatchObject({
      code: 'stale_version',
    });
    workflow.start = async () => {
      throw new Error('engine down');
    };
    await expect(ensureApplicationMachine({ workflow }, application)).rejects.toThrow('engine down');
  });
});
