/** Styles shared by several views. */
import { makeStyles } from '@fluentui/react-components';

/** Shared helpers: text only screen readers read. */
export const useCommonStyles = makeStyles({
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: '0',
    overflow: 'hidden',
    clip: 'rect(0, 0, 0, 0)',
    whiteSpace: 'nowrap',
    border: '0',
  },
});
