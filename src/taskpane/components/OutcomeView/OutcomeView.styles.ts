import { makeStyles, tokens } from '@fluentui/react-components';

export const useOutcomeViewStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    minHeight: '100vh',
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground1,
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  close: { alignSelf: 'flex-end' },
});
