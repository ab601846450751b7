/** Every stored aggregate carries its tenant, a stable id and an optimistic version. */
export interface AggregateMeta {
  id: string;
  tenantId: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

/** Who acts: the employee behind a verified token, with the roles of their positions. */
export interface Actor {
  tenantId: string;
  employeeId: string;
  username: string;
  roles: ReadonlySet<string>;
  /** Departments of the actor's active positions, first position first. */
  departmentIds?: readonly string[];
}
