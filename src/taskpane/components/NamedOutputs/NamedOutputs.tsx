/**
 * 写入您命名的单元格: the clerk's cells whose names are those of our results (自评得分, 评价等级, an indicator)
 * but lack our 绩效_ prefix, each with its cell and current content, unticked until the clerk ticks it. A
 * ticked cell receives the result at 计算指标, and the workbook records the choice so re-runs write there too;
 * a cell holding a formula is shown but cannot be ticked (we never replace a formula).
 */
import * as React from 'react';
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Checkbox, Text } from '@fluentui/react-components';
import type { CellValue } from '../../../engine/types';
import { useStrings } from '../../strings';
import { useNamedOutputsStyles } from './NamedOutputs.styles';
import type { UseNamedOutputs } from './useNamedOutputs';

const PREVIEW = 20;

/** A cell's content as the clerk reads it, cut to a short preview; null when empty. */
export function contentPreview(value: CellValue): string | null {
  if (value === null || value === '') return null;
  const text =
    typeof value === 'object' ? value.error : typeof value === 'boolean' ? (value ? 'TRUE' : 'FALSE') : String(value);
  const chars = Array.from(text);
  return chars.length > PREVIEW ? `${chars.slice(0, PREVIEW).join('')}…` : text;
}

export function NamedOutputs({
  outputs,
  busy,
}: {
  outputs: UseNamedOutputs;
  busy: boolean;
}): React.ReactElement | null {
  const strings = useStrings();
  const styles = useNamedOutputsStyles();
  if (outputs.candidates.length === 0) return null;
  return (
    <Accordion collapsible defaultOpenItems={['named-outputs']}>
      <AccordionItem value="named-outputs">
        <AccordionHeader>{strings.namedOutputsTitle}</AccordionHeader>
        <AccordionPanel>
          <div className={styles.root} data-testid="named-outputs">
            <Text>{strings.namedOutputsHint}</Text>
            {outputs.candidates.map((c) => (
              <div className={styles.row} key={`${c.name}|${c.cell}`}>
                <Checkbox
                  label={strings.namedOutputsCell(c.name, c.cell, contentPreview(c.value), c.formula)}
                  checked={!c.formula && outputs.ticked.includes(c.name)}
                  disabled={busy || c.formula}
                  onChange={(_e, data) => outputs.toggle(c.name, data.checked === true)}
                />
                {c.formula && <Text className={styles.detail}>{strings.namedOutputsFormula}</Text>}
              </div>
            ))}
          </div>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
