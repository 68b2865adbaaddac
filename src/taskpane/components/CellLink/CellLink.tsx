/**
 * A source cell. In Excel it is a link that selects the cell; in the browser (or for a constant
 * name) it is plain text, because there is no sheet to show it in.
 */
import * as React from 'react';
import { Link, Text } from '@fluentui/react-components';
import { splitCellAddress } from '../../cellAddress';
import { useReportProblem } from '../../reportProblem';
import { useHostServices } from '../../services/services';
import { useStrings } from '../../strings';

export function CellLink({ cell }: { cell: string }): React.ReactElement {
  const services = useHostServices();
  const strings = useStrings();
  const report = useReportProblem();
  if (services.mode !== 'office' || !splitCellAddress(cell)) return <Text>{cell}</Text>;
  const select = (): void => {
    services.selectCell(cell).catch(() => report(strings.selectCellFailed(cell)));
  };
  return (
    <Link as="button" onClick={select} title={strings.selectCell(cell)}>
      {cell}
    </Link>
  );
}

export function CellList({ cells }: { cells: readonly string[] }): React.ReactElement | null {
  if (cells.length === 0) return null;
  return (
    <>
      {cells.map((cell, i) => (
        <React.Fragment key={cell}>
          {i > 0 && '、'}
          <CellLink cell={cell} />
        </React.Fragment>
      ))}
    </>
  );
}
