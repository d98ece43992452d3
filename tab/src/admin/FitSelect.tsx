/**
 * Fluent's Select that fits its container: a native select is as wide as its longest option, which would push a
 * 320 px side panel sideways; this one shrinks with the column it is in and cuts long options short.
 */
import { Select as FluentSelect, makeStyles, mergeClasses, type SelectProps } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: { width: '100%', minWidth: '0', maxWidth: '100%' },
  select: { width: '100%', minWidth: '0', textOverflow: 'ellipsis' },
});

/** A Select as wide as its container, never wider. */
export function Select(props: SelectProps) {
  const styles = useStyles();
  return (
    <FluentSelect
      {...props}
      className={mergeClasses(styles.root, props.className)}
      select={{ className: styles.select }}
    />
  );
}
