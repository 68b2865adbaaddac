import { makeStyles, tokens } from '@fluentui/react-components';

export const useSchemePickerStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  hiddenInput: { display: 'none' },
  upload: { alignSelf: 'flex-start' },
});
