/** A job failure in words the clerk can act on. */
import * as React from 'react';
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useStrings } from '../../strings';
import type { PaneError } from '../App/useJob';

export function ErrorBar({ error }: { error: PaneError }): React.ReactElement {
  const strings = useStrings();
  const text =
    error.kind === 'workbook'
      ? error.partial
        ? `${error.message} ${strings.partialWrite}`
        : error.message
      : strings.unexpectedError(error.message);
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>{text}</MessageBarBody>
    </MessageBar>
  );
}
