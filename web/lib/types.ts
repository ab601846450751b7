// Shapes and vocabularies of the API contract (generated from the OpenAPI document).
export {
  positionKinds,
  roles,
  type Department,
  type Employee,
  type Me,
  type Position,
  type PositionKind,
  type ReferenceItem,
  type Role,
  type Substitution,
  type Tenant,
} from '../api/contract';

export interface Entity {
  id: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}
