/** Styles of the agenda timer. */
import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';

/** Styles of ItemTimer. */
export const useTimerStyles = makeStyles({
  timer: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    fontVariantNumeric: 'tabular-nums',
  },
  large: { ...typographyStyles.title3, columnGap: tokens.spacingHorizontalXL },
  over: {},
  figure: { fontWeight: tokens.fontWeightSemibold, fontSize: 'inherit', lineHeight: 'inherit' },
  overText: { color: tokens.colorPaletteRedForeground1 },
  planned: { color: tokens.colorNeutralForeground2, fontSize: 'inherit', lineHeight: 'inherit' },
  announce: {
    color: tokens.colorPaletteRedForeground1,
    fontWeight: tokens.fontWeightSemibold,
    flexBasis: '100%',
  },
});
