import { describe, expect, it } from 'vitest';
import { TASK_TOKEN_PLACEHOLDER } from '../../../../infra/local/stepfunctions/definitions';
import { SfnError } from '../../../../infra/local/stepfunctions/model';
import { newTaskToken, TokenRegistry, withTaskToken } from '../../../../infra/local/stepfunctions/tokens';

const ARN = 'arn:aws:states:us-east-1:000000000000:execution:karguzar-m:e1';

const errorOf = (f: () => unknown): string | undefined => {
  try {
    f();
    return undefined;
  } catch (err) {
    return err instanceof SfnError ? err.name : `not an SfnError: ${String(err)}`;
  }
};

describe('TokenRegistry', () => {
  it('answers for a pending token with its execution', () => {
    // Arrange
    const tokens = new TokenRegistry();
    tokens.issue('t1', ARN);

    // Act
    const pending = tokens.pending('t1');

    // Assert
    expect(pending.arn).toBe(ARN);
    expect(tokens.status('t1')).toBe('pending');
  });

  it('refuses unknown, answered, closed and timed-out tokens with the errors AWS gives', () => {
    // Arrange
    const tokens = new TokenRegistry();
    for (const t of ['ok', 'failed', 'late', 'closed']) tokens.issue(t, ARN);
    tokens.settle('ok', 'success');
    tokens.settle('failed', 'failure');
    tokens.settle('late', 'timeout');
    tokens.close('closed');

    // Act
    const errors = ['unknown', 'ok', 'failed', 'late', 'closed'].map((t) => errorOf(() => tokens.pending(t)));
    const notAString = errorOf(() => tokens.pending(42 as unknown as string));

    // Assert
    expect(errors).toEqual([
      'TaskDoesNotExist',
      'TaskDoesNotExist',
      'TaskDoesNotExist',
      'TaskTimedOut',
      'TaskDoesNotExist',
    ]);
    expect(notAString).toBe('TaskDoesNotExist');
  });

  it('closes only a pending token: an answered or timed-out one keeps its status', () => {
    // Arrange
    const tokens = new TokenRegistry();
    tokens.issue('answered', ARN);
    tokens.issue('late', ARN);
    tokens.settle('answered', 'success');
    tokens.settle('late', 'timeout');

    // Act
    tokens.close('answered');
    tokens.close('late');
    tokens.close('unknown');

    // Assert
    expect(tokens.status('answered')).toBe('completed');
    expect(tokens.status('late')).toBe('timedout');
    expect(tokens.status('unknown')).toBeUndefined();
  });

  it('survives a snapshot round trip (JSON) with every status', () => {
    // Arrange
    const tokens = new TokenRegistry();
    tokens.issue('p', ARN);
    tokens.issue('c', ARN);
    tokens.settle('c', 'failure');
    const saved = JSON.parse(JSON.stringify(tokens.toJSON())) as ReturnType<TokenRegistry['toJSON']>;

    // Act
    const restored = new TokenRegistry();
    restored.restore(saved);

    // Assert
    expect(restored.pending('p').arn).toBe(ARN);
    expect(restored.status('c')).toBe('completed');
    expect(restored.toJSON()).toEqual(tokens.toJSON());
  });
});

describe('task token helpers', () => {
  it('issues distinct, URL-safe tokens', () => {
    // Act
    const tokens = Array.from({ length: 50 }, () => newTaskToken());

    // Assert
    expect(new Set(tokens).size).toBe(50);
    for (const t of tokens) expect(t).toMatch(/^[A-Za-z0-9_-]{48}$/);
  });

  it('puts the token wherever the payload carries $$.Task.Token, leaving the rest alone', () => {
    // Arrange
    const request = {
      FunctionName: 'arn:aws:lambda:us-east-1:000000000000:function:karguzar-registerTask',
      Payload: {
        taskToken: TASK_TOKEN_PLACEHOLDER,
        nested: [{ again: TASK_TOKEN_PLACEHOLDER }, 7, null, true],
        text: `token=${TASK_TOKEN_PLACEHOLDER};`,
      },
    };

    // Act
    const out = withTaskToken(request, 'T$&1');

    // Assert
    expect(out).toEqual({
      FunctionName: request.FunctionName,
      Payload: { taskToken: 'T$&1', nested: [{ again: 'T$&1' }, 7, null, true], text: 'token=T$&1;' },
    });
    expect(request.Payload.taskToken).toBe(TASK_TOKEN_PLACEHOLDER);
  });
});
