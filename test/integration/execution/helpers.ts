/** One assignment of a document's execution view (GET /documents/{id}/execution), as tests read it. */
export type Assignment = {
  id: string;
  kind: string;
  status: string;
  role?: string;
  parentId?: string;
  assigneeId: string;
  ownerId: string;
  controllerId?: string;
  dueDate?: string;
  actions: string[];
};

/** A document's execution view: its resolution tree as assignments, and what the caller may do. */
export type ExecutionView = { documentVersion: number; canResolve: boolean; assignments: Assignment[] };
