/** The ribbon command's outcome, shown in an Office dialog (see src/commands/outcomeDialog.ts). */
import * as React from 'react';
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Title3 } from '@fluentui/react-components';
import type { Outcome } from '../../../commands/outcome';
import { useOutcomeViewStyles } from './OutcomeView.styles';
import { useStrings } from '../../strings';

export interface OutcomeViewProps {
  outcome: Outcome;
  /** Absent when the page cannot message its opener: the dialog's own X closes it. */
  onClose?: () => void;
}

export function OutcomeView({ outcome, onClose }: OutcomeViewProps): React.ReactElement {
  const strings = useStrings();
  const styles = useOutcomeViewStyles();
  return (
    <main className={styles.root}>
      <Title3 as="h1">{strings.outcomeTitle}</Title3>
      {outcome.kind === 'written' && (
        <>
          <MessageBar intent={outcome.provisional ? 'warning' : 'success'} layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{strings.outcomeWritten(outcome.total, outcome.grade)}</MessageBarTitle>
              {outcome.provisional && strings.outcomeProvisional}
            </MessageBarBody>
          </MessageBar>
          {outcome.notices.map((notice) => (
            <MessageBar key={notice} intent="info" layout="multiline">
              <MessageBarBody>{notice}</MessageBarBody>
            </MessageBar>
          ))}
        </>
      )}
      {outcome.kind === 'blocked' && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{strings.outcomeBlocked}</MessageBarTitle>
            <ul className={styles.list}>
              {outcome.errors.map((error) => (
                <li key={error}>{error}</li>
              ))}
              {outcome.more > 0 && <li>{strings.outcomeMore(outcome.more)}</li>}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {outcome.kind === 'failed' && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{strings.outcomeFailed}</MessageBarTitle>
            {outcome.message}
            {outcome.partial && ` ${strings.partialWrite}`}
          </MessageBarBody>
        </MessageBar>
      )}
      {onClose && (
        <Button className={styles.close} appearance="primary" onClick={onClose}>
          {strings.close}
        </Button>
      )}
    </main>
  );
}
