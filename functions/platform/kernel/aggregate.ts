/** Every stored aggregate carries its tenant, a stable id and an optimistic version. */
export interface AggregateMeta {
  id: string;
  tenantId: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** An aggregate's own data: everything but the meta fields it is stored under. */
export function aggregateData(item: AggregateMeta): Record<string, unknown> {
  const {
    id: _id,
    tenantId: _t,
    version: _v,
    createdAt: _c,
    updatedAt: _u,
    ...data
  } = item as AggregateMeta & Record<string, unknown>;
  return data;
}

/**
 * The most items one list request evaluates, whatever its filter (a filter that is not a key
 * condition drops items after they are read): when it is spent, the answer is a partial page —
 * fewer items, possibly none — with a cursor that continues where the reading stopped.
 */
export const LIST_READ_BUDGET = 1000;

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

/** The options of one page of a list read whole: 100 at a time, from the cursor of the page before. */
export type PageRequest = { limit: number; cursor?: string };

/** Every item of a paged list: `list` reads one page with the options given, until none follows. */
export async function allPages<T>(list: (page: PageRequest) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await list({ limit: 100, ...(cursor ? { cursor } : {}) });
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

/** Who acts: the employee behind a verified token, with the roles of their positions. */
export interface Actor {
  tenantId: string;
  employeeId: string;
  username: string;
  roles: ReadonlySet<string>;
  /** Departments of the actor's active positions, first position first. */
  departmentIds?: readonly string[];
  /** What the actor oversees beyond their own participation (need-to-know), resolved once per request. */
  reach?: Reach;
  /**
   * True when the agency requires a second factor of admins and signers and this sign-in had none:
   * admin operations and signatures are then refused with `mfa_required` (kernel/mfa.ts).
   */
  mfaMissing?: boolean;
  /** This sign-in was made with a second factor (the token's `mfa` claim). */
  mfa?: boolean;
}

/**
 * An actor's oversight, as of the request: the departments whose head position they hold (or hold
 * for an absent head today, as substitute), whether one of those is a root of the org tree (the
 * agency head), and the officials they substitute today.
 */
export interface Reach {
  agencyHead: boolean;
  headOf: readonly string[];
  actingFor: readonly string[];
}
