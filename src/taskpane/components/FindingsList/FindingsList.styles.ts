import { makeStyles, tokens } from '@fluentui/react-components';

export const useFindingsListStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  cells: { display: 'block', marginTop: tokens.spacingVerticalXXS },
});
