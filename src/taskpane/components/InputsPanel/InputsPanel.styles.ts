import { makeStyles, tokens } from '@fluentui/react-components';
import { paneTable } from '../../table.styles';

export const useInputsPanelStyles = makeStyles({
  header: { display: 'flex', alignItems: 'baseline', columnGap: tokens.spacingHorizontalS },
  table: paneTable,
  name: { display: 'flex', flexDirection: 'column' },
  required: { color: tokens.colorPaletteRedForeground1, whiteSpace: 'nowrap' },
  via: { color: tokens.colorNeutralForeground3 },
  problem: { color: tokens.colorPaletteRedForeground1 },
  stack: { display: 'flex', flexDirection: 'column' },
  text: { wordBreak: 'break-all' },
  number: { whiteSpace: 'nowrap' },
  nowrap: { whiteSpace: 'nowrap' },
});
