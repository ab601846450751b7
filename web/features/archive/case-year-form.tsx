'use client';

import { SelectField, TextField } from '../../ui/fields';

/**
 * A case file of the nomenclature and a year, with the action's button: closing a case file and
 * asking for its transfer package both start from this.
 */
export function CaseYearForm(props: {
  names: { caseFile: string; year: string };
  labels: { caseFile: string; year: string; submit: string; choose: string };
  options: Array<{ value: string; label: string }>;
  caseId: string;
  onCaseId: (value: string) => void;
  year: string;
  onYear: (value: string) => void;
  busy: boolean;
  onSubmit: () => void;
}) {
  return (
    <form
      className="field-row"
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit();
      }}
    >
      <SelectField
        name={props.names.caseFile}
        label={props.labels.caseFile}
        value={props.caseId}
        onChange={props.onCaseId}
        options={props.options}
        emptyLabel={props.labels.choose}
        required
      />
      <TextField
        name={props.names.year}
        label={props.labels.year}
        type="number"
        value={props.year}
        onChange={props.onYear}
        required
      />
      <div className="row-actions">
        <button type="submit" disabled={props.busy || !props.caseId}>
          {props.labels.submit}
        </button>
      </div>
    </form>
  );
}
