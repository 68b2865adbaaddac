/** Theme and language around everything the pane renders. */
import * as React from 'react';
import { FluentProvider, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { STRINGS, StringsContext, type Locale } from '../../strings';

export interface PaneRootProps {
  locale: Locale;
  dark: boolean;
  children: React.ReactNode;
}

export function PaneRoot({ locale, dark, children }: PaneRootProps): React.ReactElement {
  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} lang={locale}>
      <StringsContext.Provider value={STRINGS[locale]}>{children}</StringsContext.Provider>
    </FluentProvider>
  );
}
