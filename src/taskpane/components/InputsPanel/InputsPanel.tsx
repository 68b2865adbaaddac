/**
 * Every catalogue input, grouped as in the spec, with its status, value and source cell; groups
 * that need the clerk's attention open by default.
 */
import * as React from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Caption1,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import type { InputReading } from '../../../engine/types';
import { CellLink } from '../CellLink/CellLink';
import { formatInputValue } from '../../format';
import { useInputsPanelStyles } from './InputsPanel.styles';
import { StatusBadge } from '../StatusBadge/StatusBadge';
import { useStrings } from '../../strings';
import { groupInputs, type InputRow } from './useInputsPanel';

export interface InputsPanelProps {
  readings: Record<string, InputReading>;
}

export function InputsPanel({ readings }: InputsPanelProps): React.ReactElement {
  const strings = useStrings();
  const styles = useInputsPanelStyles();
  const groups = React.useMemo(() => groupInputs(readings), [readings]);
  const openByDefault = groups.filter((g) => g.needsAttention).map((g) => g.group);
  return (
    <section aria-label={strings.inputsTitle}>
      <Subtitle2 as="h2">{strings.inputsTitle}</Subtitle2>
      <Accordion multiple collapsible defaultOpenItems={openByDefault}>
        {groups.map(({ group, rows, found }) => (
          <AccordionItem key={group} value={group}>
            <AccordionHeader>
              <span className={styles.header}>
                {strings.groups[group]}
                <Caption1 className={styles.via}>{strings.groupSummary(found, rows.length)}</Caption1>
              </span>
            </AccordionHeader>
            <AccordionPanel>
              <InputsTable label={strings.groups[group]} rows={rows} />
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
    </section>
  );
}

function InputsTable({ label, rows }: { label: string; rows: InputRow[] }): React.ReactElement {
  const strings = useStrings();
  const styles = useInputsPanelStyles();
  return (
    <Table size="small" aria-label={label} className={styles.table}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{strings.colInput}</TableHeaderCell>
          <TableHeaderCell>{strings.colStatus}</TableHeaderCell>
          <TableHeaderCell>{strings.colValueAndCell}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map(({ def, reading }) => {
          const status = reading?.status ?? 'missing';
          return (
            <TableRow key={def.name}>
              <TableCell>
                <span className={styles.name}>
                  <span>
                    {def.name}
                    {def.required && <span className={styles.required}>（{strings.required}）</span>}
                  </span>
                  {reading?.via && reading.via !== def.name && (
                    <Caption1 className={styles.via}>{strings.viaName(reading.via)}</Caption1>
                  )}
                </span>
              </TableCell>
              <TableCell className={styles.nowrap}>
                <StatusBadge status={status} required={def.required} />
              </TableCell>
              <TableCell>
                <span className={styles.stack}>
                  {status === 'invalid' && reading?.problem ? (
                    <span className={styles.problem}>{reading.problem}</span>
                  ) : (
                    <span className={def.kind === 'text' ? styles.text : styles.number}>
                      {formatInputValue(reading, def)}
                    </span>
                  )}
                  {reading?.cell && (
                    <Caption1>
                      <CellLink cell={reading.cell} />
                    </Caption1>
                  )}
                </span>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
