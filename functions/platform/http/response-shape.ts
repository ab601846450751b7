import type * as z from 'zod';

/**
 * Keys of storage records that no answer carries, even where a schema lets unnamed keys through
 * (a reference item's list-specific fields).
 */
const INTERNAL_KEYS = new Set([
  'tenantId',
  'pk',
  'sk',
  'sortKey',
  'userId',
  'taskToken',
  '__edb_e__',
  '__edb_v__',
]);

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  element?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  in?: z.ZodType;
  left?: z.ZodType;
  right?: z.ZodType;
  valueType?: z.ZodType;
  getter?: () => z.ZodType;
}

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * `value` cut down to what `schema` names: object keys the schema does not know are dropped at
 * every depth (unions take the first option the cut-down value satisfies). Values the schema
 * does not describe are returned unchanged; validation is the caller's business.
 */
export function projectToSchema(schema: z.ZodType, value: unknown): unknown {
  const def = defOf(schema);
  switch (def.type) {
    case 'object': {
      if (!isPlainObject(value)) return value;
      const out: Record<string, unknown> = {};
      const shape = def.shape ?? {};
      for (const [key, child] of Object.entries(shape))
        if (Object.hasOwn(value, key)) out[key] = projectToSchema(child, value[key]);
      const rest = def.catchall && defOf(def.catchall).type !== 'never' ? def.catchall : undefined;
      if (rest)
        for (const [key, child] of Object.entries(value))
          if (!Object.hasOwn(shape, key) && !INTERNAL_KEYS.has(key)) out[key] = projectToSchema(rest, child);
      return out;
    }
    case 'array':
      return Array.isArray(value) && def.element ? value.map((v) => projectToSchema(def.element!, v)) : value;
    case 'record': {
      if (!isPlainObject(value) || !def.valueType) return value;
      const out: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(value))
        if (!INTERNAL_KEYS.has(key)) out[key] = projectToSchema(def.valueType, child);
      return out;
    }
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      return value === undefined || value === null || !def.innerType
        ? value
        : projectToSchema(def.innerType, value);
    case 'union': {
      for (const option of def.options ?? []) {
        const projected = projectToSchema(option, value);
        if (option.safeParse(projected).success) return projected;
      }
      return value;
    }
    case 'pipe':
      return def.in ? projectToSchema(def.in, value) : value;
    case 'lazy':
      return def.getter ? projectToSchema(def.getter(), value) : value;
    case 'intersection': {
      const left = def.left ? projectToSchema(def.left, value) : value;
      const right = def.right ? projectToSchema(def.right, value) : value;
      return isPlainObject(left) && isPlainObject(right) ? { ...left, ...right } : left;
    }
    default:
      return value;
  }
}
