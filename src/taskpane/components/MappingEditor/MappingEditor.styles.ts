import { makeStyles, tokens } from '@fluentui/react-components';

export const useMappingEditorStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  fields: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  more: { alignSelf: 'flex-start' },
  actions: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
});
