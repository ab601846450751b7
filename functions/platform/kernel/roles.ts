/** Roles attach to positions; an employee holds the roles of the positions they occupy. */
export const roles = ['admin', 'clerk', 'head', 'executor', 'controller', 'approver', 'archivist'] as const;
export type Role = (typeof roles)[number];
