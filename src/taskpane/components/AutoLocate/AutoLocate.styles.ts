import { makeStyles, tokens } from '@fluentui/react-components';

export const useAutoLocateStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  detail: { color: tokens.colorNeutralForeground3, marginLeft: tokens.spacingHorizontalXXL },
  pick: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    alignItems: 'center',
    marginLeft: tokens.spacingHorizontalXXL,
  },
});
