/** The status of one input as a coloured badge with its word (never colour alone). */
import * as React from 'react';
import { Badge } from '@fluentui/react-components';
import type { InputReading } from '../../../engine/types';
import { useStrings } from '../../strings';

export function StatusBadge({
  status,
  required,
}: {
  status: InputReading['status'];
  required: boolean;
}): React.ReactElement {
  const strings = useStrings();
  const color = status === 'found' ? 'success' : status === 'invalid' || required ? 'danger' : 'informative';
  return (
    <Badge appearance="tint" color={color}>
      {strings.inputStatus[status]}
    </Badge>
  );
}
