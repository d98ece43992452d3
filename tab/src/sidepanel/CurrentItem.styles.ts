/** Styles of the current item box (side panel and stage). */
import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';

/** Styles of CurrentItem. */
export const useCurrentItemStyles = makeStyles({
  box: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    borderInlineStartWidth: tokens.strokeWidthThicker,
    borderInlineStartStyle: 'solid',
    borderInlineStartColor: tokens.colorBrandStroke1,
    boxShadow: tokens.shadow2,
    minWidth: '0',
    overflowWrap: 'anywhere',
  },
  largeBox: { padding: tokens.spacingHorizontalXXL, rowGap: tokens.spacingVerticalM },
  label: {
    margin: '0',
    color: tokens.colorBrandForeground1,
    fontWeight: tokens.fontWeightSemibold,
    textTransform: 'uppercase',
  },
  largeLabel: { ...typographyStyles.subtitle2 },
  title: { ...typographyStyles.subtitle2, margin: '0' },
  largeTitle: { ...typographyStyles.title1 },
  number: { color: tokens.colorBrandForeground1, fontVariantNumeric: 'tabular-nums' },
  parent: { margin: '0', color: tokens.colorNeutralForeground2 },
  presenter: { margin: '0' },
  largePresenter: { ...typographyStyles.subtitle1 },
});
