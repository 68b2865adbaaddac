import { makeStyles, tokens } from '@fluentui/react-components';

export const useJobProgressStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
});
