/** Progress through the job steps: a bar for how far, the step's name for what. */
import * as React from 'react';
import { ProgressBar, Spinner } from '@fluentui/react-components';
import type { JobStep } from '../../../app/job';
import { useJobProgressStyles } from './JobProgress.styles';
import { useStrings } from '../../strings';
import type { JobAction } from '../App/useJob';

const INSPECT_STEPS: readonly JobStep[] = ['read-state', 'read-names', 'evaluate'];
const RUN_STEPS: readonly JobStep[] = ['read-state', 'read-names', 'evaluate', 'layout', 'write', 'done'];

export function progressFraction(action: JobAction, step: JobStep | null): number {
  const steps = action === 'inspect' ? INSPECT_STEPS : RUN_STEPS;
  if (step === null) return 0;
  const index = steps.indexOf(step);
  return index < 0 ? 1 : (index + 1) / steps.length;
}

export interface JobProgressProps {
  action: JobAction;
  step: JobStep | null;
}

export function JobProgress({ action, step }: JobProgressProps): React.ReactElement {
  const strings = useStrings();
  const styles = useJobProgressStyles();
  const label = strings.steps[step ?? 'read-state'];
  return (
    <div role="status" className={styles.root}>
      <Spinner size="tiny" label={label} labelPosition="after" />
      <ProgressBar value={progressFraction(action, step)} max={1} aria-label={strings.progressLabel} />
    </div>
  );
}
