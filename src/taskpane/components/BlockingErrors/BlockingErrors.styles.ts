import { makeStyles, tokens } from '@fluentui/react-components';

export const useBlockingErrorsStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  item: { marginBottom: tokens.spacingVerticalXS },
  next: { display: 'block', color: tokens.colorNeutralForeground2 },
});
