/** Layout of the Topic register view. */
import { makeStyles, tokens } from '@fluentui/react-components';

/** Styles of TopicRegister. */
export const useTopicRegisterStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, minWidth: '0' },
  header: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  heading: { margin: '0' },
  /** Holds the filter bar's place (a labelled control's height) while its chunk loads. */
  filtersPending: { minHeight: '56px' },
  intro: { margin: '0', color: tokens.colorNeutralForeground2, maxWidth: '75ch' },
  statusRow: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    columnGap: tokens.spacingHorizontalM,
  },
  status: {
    display: 'flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    minHeight: '20px',
    color: tokens.colorNeutralForeground2,
  },
  loading: { paddingBlock: tokens.spacingVerticalXXXL },
  empty: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    textAlign: 'center',
    rowGap: tokens.spacingVerticalM,
    paddingBlock: tokens.spacingVerticalXXXL,
    paddingInline: tokens.spacingHorizontalXL,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
});
