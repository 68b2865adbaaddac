/** Asks before writing beside sheets of the clerk's that carry our sheet names. */
import * as React from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import { useStrings } from '../../strings';

export interface ConflictDialogProps {
  conflicts: string[];
  onContinue(): void;
  onCancel(): void;
}

export function ConflictDialog({ conflicts, onContinue, onCancel }: ConflictDialogProps): React.ReactElement {
  const strings = useStrings();
  return (
    <Dialog open={conflicts.length > 0} onOpenChange={(_, data) => !data.open && onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{strings.conflictTitle}</DialogTitle>
          <DialogContent>{conflicts.length > 0 && strings.conflictBody(conflicts)}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onContinue}>
              {strings.conflictContinue}
            </Button>
            <Button appearance="secondary" onClick={onCancel}>
              {strings.cancel}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
