/**
 * Browser mode: open an .xlsx (button or drag and drop) and get the empty input template. Before a
 * workbook is open it is a large drop zone; afterwards a compact bar.
 */
import * as React from 'react';
import { Button, mergeClasses, Spinner, Text } from '@fluentui/react-components';
import { ArrowDownload20Regular, FolderOpen20Regular } from '@fluentui/react-icons';
import { useOpenWorkbookStyles } from './OpenWorkbook.styles';
import { useStrings } from '../../strings';

export interface OpenWorkbookProps {
  compact: boolean;
  opening: boolean;
  onOpen(file: File): void;
  onDownloadTemplate(): void;
}

export function OpenWorkbook({ compact, opening, onOpen, onDownloadTemplate }: OpenWorkbookProps): React.ReactElement {
  const strings = useStrings();
  const styles = useOpenWorkbookStyles();
  const fileInput = React.useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = React.useState(false);

  const onFile = (event: React.ChangeEvent<HTMLInputElement>): void => {
    const file = event.target.files?.[0];
    if (file) onOpen(file);
    event.target.value = '';
  };
  const onDrop = (event: React.DragEvent): void => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files?.[0];
    if (file) onOpen(file);
  };
  const onDragOver = (event: React.DragEvent): void => {
    event.preventDefault();
    setDragging(true);
  };

  const buttons = (
    <>
      <input
        ref={fileInput}
        className={styles.hiddenInput}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-label={strings.openWorkbook}
        onChange={onFile}
      />
      <Button
        appearance={compact ? 'secondary' : 'primary'}
        icon={<FolderOpen20Regular />}
        disabled={opening}
        onClick={() => fileInput.current?.click()}
      >
        {compact ? strings.openOtherWorkbook : strings.openWorkbook}
      </Button>
      <Button appearance="subtle" icon={<ArrowDownload20Regular />} onClick={onDownloadTemplate}>
        {strings.downloadTemplate}
      </Button>
      {opening && <Spinner size="tiny" label={strings.openingWorkbook} />}
    </>
  );

  if (compact) {
    return (
      <div className={styles.compact} onDrop={onDrop} onDragOver={(e) => e.preventDefault()}>
        {buttons}
      </div>
    );
  }
  return (
    <div className={styles.root}>
      <div
        role="region"
        aria-label={strings.dropZone}
        className={mergeClasses(styles.dropZone, dragging && styles.dragging)}
        onDrop={onDrop}
        onDragOver={onDragOver}
        onDragLeave={() => setDragging(false)}
      >
        <Text>{strings.dropZone}</Text>
        {buttons}
      </div>
      <Text size={200} className={styles.muted}>
        {strings.privacyNote}
      </Text>
    </div>
  );
}
