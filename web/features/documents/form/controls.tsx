'use client';

import { useId } from 'react';
import { useI18n } from '../../../lib/i18n';
import { Choices, TextField, type Option, type TextFieldProps } from '../../../ui/fields';

/** A date typed as dd.MM.yyyy (the hint says so); the form converts it to yyyy-MM-dd. */
export function DateField(
  props: Pick<TextFieldProps, 'label' | 'name' | 'value' | 'onChange' | 'errors' | 'required'>,
) {
  const { t } = useI18n();
  return <TextField {...props} hint={t('doc.form.dateHint')} />;
}

/** Radio buttons in a fieldset (the sender's kind, one choice of few). */
export function RadioGroup(props: {
  legend: string;
  name: string;
  value: string;
  options: Option[];
  onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <fieldset className="field-group doc-radios">
      <legend>{props.legend}</legend>
      <Choices
        id={id}
        type="radio"
        name={props.name}
        options={props.options}
        checked={(v) => props.value === v}
        onChange={(v) => props.onChange(v)}
      />
    </fieldset>
  );
}
