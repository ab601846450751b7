import type { Resolver } from '../form/lookups';
import type { DocumentCard } from '../types';

/** What the document card gives each of its tabs (Tərkib, Viza, İcra, …). */
export interface CardTabProps {
  doc: DocumentCard;
  /** Names of employees, positions and list items, by id. */
  names: Resolver;
  /** The document changed (status, version): the card reads itself again. */
  onChanged: () => void;
}
