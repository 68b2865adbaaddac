/**
 * Maps missing or invalid inputs to names the workbook already defines. 保存映射 runs the job with
 * the draft; the job stores it in the workbook, so the next run (and a colleague) needs no set-up.
 */
import * as React from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Combobox,
  Field,
  MessageBar,
  MessageBarBody,
  Option,
  Text,
} from '@fluentui/react-components';
import type { Inspection } from '../../../app/job';
import type { NameMapping } from '../../../engine/types';
import { useMappingEditorStyles } from './MappingEditor.styles';
import { useStrings } from '../../strings';
import { useMappingEditor, type MappingEntry } from './useMappingEditor';

export interface MappingEditorProps {
  inspection: Inspection;
  busy: boolean;
  /** null: not saved in this session; true: 映射已保存; false: blocking errors stopped the write. */
  saved: boolean | null;
  onSave(mapping: NameMapping): void;
}

export function MappingEditor({ inspection, busy, saved, onSave }: MappingEditorProps): React.ReactElement | null {
  const strings = useStrings();
  const styles = useMappingEditorStyles();
  const editor = useMappingEditor(inspection);
  const [showOptional, setShowOptional] = React.useState(false);
  if (editor.entries.length === 0 && saved === null) return null;
  // Optional inputs that are simply absent are common (report texts): listed only on request.
  const urgent = editor.entries.filter((e) => e.def.required || e.status === 'invalid' || editor.draft[e.def.name]);
  const optional = editor.entries.filter((e) => !urgent.includes(e));
  const shown = showOptional ? [...urgent, ...optional] : urgent;
  return (
    <Accordion collapsible defaultOpenItems={urgent.length > 0 ? ['mapping'] : []}>
      <AccordionItem value="mapping">
        <AccordionHeader>{strings.mappingTitle}</AccordionHeader>
        <AccordionPanel>
          <div className={styles.root}>
            <Text>{strings.mappingHint}</Text>
            {editor.names.length === 0 ? (
              <Text>{strings.mappingNoNames}</Text>
            ) : (
              <div className={styles.fields}>
                {shown.map((entry) => (
                  <MappingField
                    key={entry.def.name}
                    entry={entry}
                    names={editor.names}
                    value={editor.draft[entry.def.name]}
                    disabled={busy}
                    onChange={(name) => editor.setName(entry.def.name, name)}
                  />
                ))}
                {!showOptional && optional.length > 0 && (
                  <Button
                    className={styles.more}
                    appearance="subtle"
                    size="small"
                    onClick={() => setShowOptional(true)}
                  >
                    {strings.mappingShowOptional(optional.length)}
                  </Button>
                )}
              </div>
            )}
            <div className={styles.actions}>
              <Button appearance="primary" disabled={busy || !editor.changed} onClick={() => onSave(editor.draft)}>
                {strings.saveMapping}
              </Button>
            </div>
            {saved === true && (
              <MessageBar intent="success">
                <MessageBarBody>{strings.mappingSaved}</MessageBarBody>
              </MessageBar>
            )}
            {saved === false && (
              <MessageBar intent="warning">
                <MessageBarBody>{strings.mappingNotSaved}</MessageBarBody>
              </MessageBar>
            )}
          </div>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}

interface MappingFieldProps {
  entry: MappingEntry;
  names: string[];
  value: string | undefined;
  disabled: boolean;
  onChange(name: string | undefined): void;
}

function MappingField({ entry, names, value, disabled, onChange }: MappingFieldProps): React.ReactElement {
  const strings = useStrings();
  const [query, setQuery] = React.useState<string | null>(null);
  const shown = query ? names.filter((n) => n.includes(query)) : names;
  const label = `${entry.def.name}${entry.def.required ? `（${strings.required}）` : ''}`;
  return (
    <Field label={label} hint={`${strings.inputStatus[entry.status]}${entry.def.unit ? ` · ${entry.def.unit}` : ''}`}>
      <Combobox
        placeholder={strings.mappingPlaceholder}
        value={query ?? value ?? ''}
        selectedOptions={value ? [value] : []}
        clearable
        disabled={disabled}
        onInput={(event) => setQuery((event.target as HTMLInputElement).value)}
        onOptionSelect={(_, data) => {
          setQuery(null);
          onChange(data.optionValue);
        }}
        onOpenChange={(_, data) => {
          if (!data.open) setQuery(null);
        }}
      >
        {shown.map((name) => (
          <Option key={name} value={name}>
            {name}
          </Option>
        ))}
      </Combobox>
    </Field>
  );
}
