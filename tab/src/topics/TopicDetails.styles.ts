/** Styles of the topic details drawer. */
import { makeStyles, tokens } from '@fluentui/react-components';

/** Styles of TopicDetails. */
export const useTopicDetailsStyles = makeStyles({
  body: { paddingBlockEnd: tokens.spacingVerticalXXL },
  content: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
  spinner: { justifyContent: 'flex-start' },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(140px, 1fr))',
    gap: tokens.spacingHorizontalM,
    margin: '0',
    '& dt': { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
    '& dd': { marginInlineStart: '0', marginBlockStart: tokens.spacingVerticalXXS },
  },
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  paragraph: { margin: '0', whiteSpace: 'pre-line' },
  muted: { margin: '0', color: tokens.colorNeutralForeground3 },
  resolutions: {
    listStyleType: 'none',
    margin: '0',
    paddingInlineStart: '0',
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
  },
  resolution: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
    paddingInlineStart: tokens.spacingHorizontalM,
    borderInlineStartWidth: tokens.strokeWidthThick,
    borderInlineStartStyle: 'solid',
    borderInlineStartColor: tokens.colorBrandStroke2,
  },
  resolutionLabel: { fontWeight: tokens.fontWeightSemibold },
});
