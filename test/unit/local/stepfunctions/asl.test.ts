import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import aslValidator from 'asl-validator';
import { describe, expect, it } from 'vitest';
import {
  allStates,
  checkRunnerRules,
  functionArn,
  substitute,
} from '../../../../infra/local/stepfunctions/definitions';

const root = resolve(import.meta.dirname, '../../../..');
const dir = join(root, 'statemachines');
const files = readdirSync(dir).filter((f) => f.endsWith('.asl.json'));

describe('state machine definitions (statemachines/*.asl.json)', () => {
  it('has the machines the workflows use', () => {
    expect(files.sort()).toEqual(
      expect.arrayContaining(['human-step.asl.json', 'scheduled-notification.asl.json']),
    );
  });

  describe.each(files)('%s', (file) => {
    const text = readFileSync(join(dir, file), 'utf8');

    it('passes asl-validator (ARNs and paths checked) after definition substitution', () => {
      // Arrange
      const definition = JSON.parse(substitute(text, file));

      // Act
      const result = aslValidator(definition, { checkArn: true, checkPaths: true });

      // Assert
      expect(result.errorsText('\n')).toBe('');
      expect(result.isValid).toBe(true);
    });

    it('keeps to what the durable runner supports (JSONPath, top-level token waits, a timeout on every Task)', () => {
      // Arrange
      const definition = JSON.parse(substitute(text, file));

      // Act
      const check = () => checkRunnerRules(definition, file);

      // Assert
      expect(check).not.toThrow();
      for (const { state } of allStates(definition)) {
        if (state.Type === 'Task') expect(state.TimeoutSeconds ?? state.TimeoutSecondsPath).toBeDefined();
      }
    });

    it('names only task Lambdas that exist as functions/api/tasks/<name>.task.ts', () => {
      // Arrange
      const names = [...text.matchAll(/\$\{fn_([A-Za-z0-9_]+)\}/g)].map((m) => m[1]!);

      // Act
      const missing = names.filter((n) => !existsSync(join(root, 'functions/api/tasks', `${n}.task.ts`)));

      // Assert
      expect(names.length).toBeGreaterThan(0);
      expect(missing).toEqual([]);
    });
  });

  it('substitutes ${fn_<name>} with the function ARN and refuses unknown placeholders', () => {
    // Arrange
    const text = '{"FunctionName":"${fn_sendNotification}"}';

    // Act
    const substituted = substitute(text, 'x.asl.json');
    const unknown = () => substitute('{"x":"${bucket}"}', 'x.asl.json');

    // Assert
    expect(JSON.parse(substituted)).toEqual({ FunctionName: functionArn('sendNotification') });
    expect(functionArn('sendNotification')).toBe(
      'arn:aws:lambda:us-east-1:000000000000:function:karguzar-sendNotification',
    );
    expect(unknown).toThrow(/unknown definition substitution/);
  });

  it('rejects a nested .waitForTaskToken and a Task without a timeout', () => {
    // Arrange
    const nested = {
      StartAt: 'P',
      States: {
        P: {
          Type: 'Parallel',
          End: true,
          Branches: [
            {
              StartAt: 'T',
              States: {
                T: {
                  Type: 'Task',
                  Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
                  TimeoutSeconds: 5,
                  End: true,
                },
              },
            },
          ],
        },
      },
    };
    const noTimeout = {
      StartAt: 'T',
      States: { T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true } },
    };

    // Act
    const checkNested = () => checkRunnerRules(nested as never, 'nested');
    const checkNoTimeout = () => checkRunnerRules(noTimeout as never, 'no-timeout');

    // Assert
    expect(checkNested).toThrow(/only supported at the top level/);
    expect(checkNoTimeout).toThrow(/TimeoutSeconds/);
  });
});
