/**
 * The errors that stop the write, each with its cells and what the clerk does next. Shown as soon
 * as an inspection finds them, so the clerk can fix them before clicking 计算指标.
 */
import * as React from 'react';
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { Evaluation, Finding } from '../../../engine/types';
import { useBlockingErrorsStyles } from './BlockingErrors.styles';
import { CellList } from '../CellLink/CellLink';
import { useStrings, type Strings } from '../../strings';

export function nextStep(finding: Finding, evaluation: Evaluation, strings: Strings): string {
  const missing = finding.inputs.find((input) => evaluation.inputs[input]?.status === 'missing');
  return missing ? strings.blockingNextMissing(missing) : strings.blockingNextFix;
}

export function BlockingErrors({ evaluation }: { evaluation: Evaluation }): React.ReactElement | null {
  const strings = useStrings();
  const styles = useBlockingErrorsStyles();
  const errors = evaluation.findings.filter((f) => f.severity === 'error');
  if (!evaluation.blocked || errors.length === 0) return null;
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{strings.blockingTitle}</MessageBarTitle>
        <ul className={styles.list} aria-label={strings.blockingTitle}>
          {errors.map((finding, i) => (
            <li key={`${finding.code}-${i}`} className={styles.item}>
              {finding.message} <CellList cells={finding.cells} />
              <span className={styles.next}>{nextStep(finding, evaluation, strings)}</span>
            </li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
