import { tableHeaderCellClassNames, tokens, type GriffelStyle } from '@fluentui/react-components';

/**
 * The pane's tables. In a 350 px pane the cells get half the usual side padding, so that a
 * seven-character name (在职人员控制率) still fits on one line beside the figures.
 */
export const paneTable: GriffelStyle = {
  tableLayout: 'auto',
  '@media (max-width: 480px)': {
    '& th, & td': { paddingLeft: tokens.spacingHorizontalXS, paddingRight: tokens.spacingHorizontalXS },
  },
};

/** A header over right-aligned figures, aligned with them. */
export const numericHeader: GriffelStyle = {
  [`& .${tableHeaderCellClassNames.button}`]: { justifyContent: 'flex-end', textAlign: 'right' },
};
