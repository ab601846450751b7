/** The values of an application: what `validateApplication` returns and the rest of the domain reads. */

/** One uploaded file attached to a file field. */
export interface FileRef {
  /** The upload's key (issued with the presigned upload). */
  readonly ref: string;
  readonly name: string;
  readonly mediaType: string;
  readonly bytes: number;
}

export type ListItem = Readonly<Record<string, LeafValue>>;
/** Text, dates, codes, passport numbers, FİN, phones, e-mails: strings; amounts: numbers; files: lists. */
export type LeafValue = string | number | readonly FileRef[];
export type FieldValue = LeafValue | readonly ListItem[];
export type FieldValues = Readonly<Record<string, FieldValue>>;

export interface ApplicationValues {
  readonly variant: string;
  readonly common: FieldValues;
  readonly applicants: readonly FieldValues[];
}
