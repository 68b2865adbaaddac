/** Which scoring scheme the job uses. */
import * as React from 'react';
import { Button, Dropdown, Field, Option } from '@fluentui/react-components';
import { ArrowUpload20Regular } from '@fluentui/react-icons';
import { useSchemePickerStyles } from './SchemePicker.styles';
import { useStrings } from '../../strings';
import type { UseSchemePicker } from './useSchemePicker';

export interface SchemePickerProps {
  picker: UseSchemePicker;
  disabled?: boolean;
}

export function SchemePicker({ picker, disabled }: SchemePickerProps): React.ReactElement {
  const strings = useStrings();
  const styles = useSchemePickerStyles();
  const fileInput = React.useRef<HTMLInputElement>(null);
  const onFile = (event: React.ChangeEvent<HTMLInputElement>): void => {
    const file = event.target.files?.[0];
    if (file) picker.loadFile(file);
    event.target.value = '';
  };
  return (
    <div className={styles.root}>
      <Field
        label={strings.schemeLabel}
        validationState={picker.fileError ? 'error' : 'none'}
        validationMessage={picker.fileError ?? undefined}
      >
        <Dropdown
          value={picker.selected.label}
          selectedOptions={[picker.selected.key]}
          onOptionSelect={(_, data) => data.optionValue && picker.select(data.optionValue)}
          disabled={disabled}
        >
          {picker.choices.map((choice) => (
            <Option key={choice.key} value={choice.key}>
              {choice.label}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <input
        ref={fileInput}
        className={styles.hiddenInput}
        type="file"
        accept=".json,application/json"
        aria-label={strings.schemeUpload}
        onChange={onFile}
      />
      <Button
        className={styles.upload}
        appearance="subtle"
        size="small"
        icon={<ArrowUpload20Regular />}
        disabled={disabled}
        onClick={() => fileInput.current?.click()}
      >
        {strings.schemeUpload}
      </Button>
    </div>
  );
}
