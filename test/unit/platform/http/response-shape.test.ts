import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { jsonDepth } from '../../../../functions/platform/http/group-handler';
import { projectToSchema } from '../../../../functions/platform/http/response-shape';

describe('projectToSchema: answers carry only what the contract names', () => {
  const line = z.object({ box: z.string(), open: z.boolean(), dueDate: z.string().optional() }).strict();
  const row = z.object({ line, tags: z.array(z.object({ name: z.string() })), total: z.number().nullable() });

  it('drops unknown keys at every depth, strict objects included', () => {
    const stored = {
      line: { box: 'approval', open: true, tenantId: 'demo1', userId: 'u1', sortKey: '0#x' },
      tags: [{ name: 'a', pk: 'p' }],
      total: null,
      sk: 's',
    };

    const out = projectToSchema(row, stored);

    expect(out).toEqual({ line: { box: 'approval', open: true }, tags: [{ name: 'a' }], total: null });
    expect(row.safeParse(out).success).toBe(true);
  });

  it('takes the union option the cut-down value satisfies', () => {
    const sender = z.union([
      z.object({ kind: z.literal('organization'), counterpartId: z.string() }).strict(),
      z.object({ kind: z.literal('citizen'), fin: z.string() }).strict(),
    ]);

    expect(projectToSchema(sender, { kind: 'citizen', fin: '5ZK7QH2', tenantId: 'x' })).toEqual({
      kind: 'citizen',
      fin: '5ZK7QH2',
    });
  });

  it('lets a catch-all through but never the internal keys', () => {
    const item = z.object({ id: z.string() }).catchall(z.unknown());

    expect(projectToSchema(item, { id: '1', pattern: '{seq}', tenantId: 't', pk: 'p' })).toEqual({
      id: '1',
      pattern: '{seq}',
    });
  });

  it('leaves values the schema does not describe as they are', () => {
    expect(projectToSchema(z.object({ a: z.string() }), 'text')).toBe('text');
    expect(projectToSchema(z.array(z.string()), { not: 'an array' })).toEqual({ not: 'an array' });
  });
});

describe('jsonDepth', () => {
  it('counts nesting outside strings only', () => {
    expect(jsonDepth('{}')).toBe(1);
    expect(jsonDepth('{"a":[{"b":[]}]}')).toBe(4);
    expect(jsonDepth('{"a":"[[[[{{{{\\"]]]"}')).toBe(1);
    expect(jsonDepth(`${'['.repeat(10_000)}${']'.repeat(10_000)}`)).toBe(10_000);
    expect(jsonDepth('"plain"')).toBe(0);
  });
});
