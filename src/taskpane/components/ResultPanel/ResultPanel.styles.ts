import { makeStyles, tokens } from '@fluentui/react-components';
import { numericHeader, paneTable } from '../../table.styles';

export const useResultPanelStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  summary: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM },
  figure: { display: 'flex', flexDirection: 'column' },
  muted: { color: tokens.colorNeutralForeground3 },
  table: paneTable,
  numeric: { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  numericHeader,
  nowrap: { whiteSpace: 'nowrap' },
});
