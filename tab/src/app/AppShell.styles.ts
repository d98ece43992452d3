/** Layout of the app shell: header, section tabs, content. */
import { makeStyles, tokens } from '@fluentui/react-components';

/** Styles of AppShell, SettingsBar and ViewAsPicker. */
export const useShellStyles = makeStyles({
  root: {
    minHeight: '100vh',
    display: 'flex',
    flexDirection: 'column',
    backgroundColor: tokens.colorNeutralBackground2,
  },
  header: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderBlockEndWidth: tokens.strokeWidthThin,
    borderBlockEndStyle: 'solid',
    borderBlockEndColor: tokens.colorNeutralStroke2,
    paddingInline: tokens.spacingHorizontalXXL,
    paddingBlockStart: tokens.spacingVerticalM,
  },
  topRow: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
  },
  brand: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalM, minWidth: '0' },
  logo: {
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    flexShrink: 0,
    width: '36px',
    height: '36px',
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  brandText: { display: 'flex', flexDirection: 'column', minWidth: '0' },
  appName: { margin: '0', lineHeight: tokens.lineHeightBase500 },
  tagline: { color: tokens.colorNeutralForeground3 },
  controls: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalM },
  person: { display: 'inline-flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS },
  settings: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalXS,
    rowGap: tokens.spacingVerticalXS,
  },
  viewAs: {
    gridTemplateColumns: 'auto minmax(160px, 220px)',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    '& label': { whiteSpace: 'nowrap', paddingBlock: '0' },
    // A narrow frame (a phone, a narrow window): the label goes above the dropdown instead of pushing it off-screen.
    '@media (max-width: 480px)': { gridTemplateColumns: 'minmax(0, 1fr)', width: '100%' },
  },
  viewAsDropdown: { minWidth: '0', width: '100%' },
  tabs: {
    marginBlockStart: tokens.spacingVerticalS,
    marginInlineStart: `calc(-1 * ${tokens.spacingHorizontalS})`,
    flexWrap: 'wrap',
  },
  main: {
    flexGrow: 1,
    paddingInline: tokens.spacingHorizontalXXL,
    paddingBlock: tokens.spacingVerticalXL,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalL,
    maxWidth: '1400px',
    width: '100%',
    boxSizing: 'border-box',
  },
  notice: { margin: '0', color: tokens.colorNeutralForeground2 },
});
