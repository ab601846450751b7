import { existsSync, statSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultLimits } from '../../functions/modules/search/extraction/limits';
import { TASK_BUNDLES, TASK_TIMEOUT_SECONDS } from '../../infra/aws/constructs/workflows';
import { bundlingWith } from '../../infra/aws/constructs/project-function';
import { actionsOf, logicalId, statementsOf } from './bare-stack';
import { synth, type Synthesized } from './synth';

/**
 * The text of content files on AWS (issue 16): its own Lambda behind the content-text machine,
 * started by the stream's indexer; OCR never runs in the stream consumer.
 */
let s: Synthesized;
beforeAll(() => {
  s = synth({ cloudFormationValidation: false });
});

const fnOf = (id: string) => s.mainTemplate.toJSON().Resources[logicalId(s.main.functions[id]!.fn)];

describe('the content-text machine', () => {
  it('runs the extraction in its own Lambda: 2 GB, a timeout above the OCR limit', () => {
    const fn = fnOf('TaskExtractContentTextFn');
    const machine = s.main.workflows.stateMachines['content-text'];

    expect(fn.Properties.MemorySize).toBeGreaterThanOrEqual(1024);
    expect(fn.Properties.MemorySize).toBe(2048);
    expect(fn.Properties.Timeout).toBe(TASK_TIMEOUT_SECONDS.extractContentText);
    expect(fn.Properties.Timeout).toBeGreaterThan(defaultLimits.maxOcrMillis / 1000);
    expect(machine).toBeDefined();
    // The stream consumer keeps its short timeout: it only starts executions.
    expect(fnOf('StreamFn').Properties.Timeout).toBe(60);
  });

  it('grants the task what it does: read the file, store its text, index, start the machine for other files', () => {
    const role = logicalId(s.main.functions.TaskExtractContentTextFn!.role);
    const actions = actionsOf(s.mainTemplate, role);
    const starts = statementsOf(s.mainTemplate, role).filter((st) =>
      [st.Action].flat().includes('states:StartExecution'),
    );

    expect(actions).toEqual(expect.arrayContaining(['s3:GetObject', 's3:PutObject', 'dynamodb:GetItem']));
    expect(actions).not.toEqual(expect.arrayContaining(['dynamodb:PutItem']));
    expect(actions.filter((a) => /DeleteObject|Retention|LegalHold/.test(a))).toEqual([]);
    expect(JSON.stringify(starts)).toContain('content-text');
    // The collection's data access policy names the task's role (search:write).
    const [access] = Object.values(s.mainTemplate.findResources('AWS::OpenSearchServerless::AccessPolicy'));
    expect(JSON.stringify(access)).toContain(role);
  });

  it('lets the stream consumer start the machine', () => {
    const role = logicalId(s.main.functions.StreamFn!.role);
    const starts = statementsOf(s.mainTemplate, role).filter((st) =>
      [st.Action].flat().includes('states:StartExecution'),
    );
    expect(JSON.stringify(starts)).toContain('content-text');
  });

  it('bundles tesseract.js as an installed node module and the aze, rus and eng models beside the entry', () => {
    const task = TASK_BUNDLES.extractContentText!();
    const bundling = bundlingWith(task.bundledFiles, task.nodeModules);
    const copies = bundling.commandHooks?.afterBundling('/in', '/out') ?? [];

    expect(bundling.nodeModules).toEqual(['tesseract.js']);
    expect(task.bundledFiles?.map((f) => f.to).sort()).toEqual([
      'tessdata/aze.traineddata',
      'tessdata/eng.traineddata',
      'tessdata/rus.traineddata',
    ]);
    for (const f of task.bundledFiles ?? []) {
      expect(existsSync(f.from)).toBe(true);
      expect(statSync(f.from).size).toBeGreaterThan(1_000_000);
    }
    expect(copies.filter((c) => c.includes("'/out/tessdata/"))).toHaveLength(3);
  });
});
