'use client';

import { useId } from 'react';
import { useI18n } from '../../../lib/i18n';
import { TextField } from '../../../ui/fields';

type Errors = Record<string, string | undefined>;

/** A date typed as dd.MM.yyyy (the hint says so); the form converts it to yyyy-MM-dd. */
export function DateField(props: {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  errors?: Errors;
  required?: boolean;
}) {
  const { t } = useI18n();
  return <TextField {...props} hint={t('doc.form.dateHint')} />;
}

/** Radio buttons in a fieldset (the sender's kind, one choice of few). */
export function RadioGroup(props: {
  legend: string;
  name: string;
  value: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <fieldset className="field-group doc-radios">
      <legend>{props.legend}</legend>
      {props.options.map((o) => (
        <div className="field-checkbox" key={o.value}>
          <input
            type="radio"
            id={`${id}-${o.value}`}
            name={props.name}
            value={o.value}
            checked={props.value === o.value}
            onChange={() => props.onChange(o.value)}
          />
          <label htmlFor={`${id}-${o.value}`}>{o.label}</label>
        </div>
      ))}
    </fieldset>
  );
}
