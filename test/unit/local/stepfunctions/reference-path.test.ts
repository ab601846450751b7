import { describe, expect, it } from 'vitest';
import { readReferencePath } from '../../../../infra/local/stepfunctions/reference-path';

describe('readReferencePath', () => {
  it('reads dotted, bracketed and indexed paths from the input and $$ paths from the context', () => {
    // Arrange
    const input = { a: { 'b c': [10, { d: '2026-01-01T00:00:00Z' }] } };
    const context = { Execution: { Input: { x: 5 } } };

    // Act
    const values = [
      readReferencePath('$', input, context),
      readReferencePath("$.a['b c'][1].d", input, context),
      readReferencePath('$.a["b c"][0]', input, context),
      readReferencePath('$$.Execution.Input.x', input, context),
    ];

    // Assert
    expect(values).toEqual([input, '2026-01-01T00:00:00Z', 10, 5]);
  });

  it('fails as States.Runtime on a missing field or an unsupported path', () => {
    // Arrange
    const input = { a: 1 };

    // Act
    const missing = () => readReferencePath('$.b', input, {});
    const wildcard = () => readReferencePath('$.a[*]', input, {});

    // Assert
    expect(missing).toThrow(expect.objectContaining({ name: 'States.Runtime' }));
    expect(wildcard).toThrow(/Unsupported/);
  });
});
