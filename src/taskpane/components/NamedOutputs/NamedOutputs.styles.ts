import { makeStyles, tokens } from '@fluentui/react-components';

export const useNamedOutputsStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  detail: { color: tokens.colorNeutralForeground3, marginLeft: tokens.spacingHorizontalXXL },
});
