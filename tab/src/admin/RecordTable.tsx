/** One table for the administration and records views: a labelled table that scrolls inside its own box. */
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useAdminStyles } from './admin.styles';

/** A column: its header text and how a row fills its cell; `wide` gives it the larger share of the width. */
export interface RecordColumn<T> {
  header: ReactNode;
  cell: (row: T) => ReactNode;
  wide?: boolean;
}

/** The rows under their column headers; `label` names the table for screen readers. */
export function RecordTable<T>({
  label,
  columns,
  rows,
  rowKey,
}: {
  label: string;
  columns: readonly (RecordColumn<T> | false)[];
  rows: readonly T[];
  rowKey: (row: T, index: number) => string | number;
}) {
  const styles = useAdminStyles();
  const shown = columns.filter((column): column is RecordColumn<T> => column !== false);
  return (
    <div className={styles.scroller}>
      <Table aria-label={label} size="small" className={styles.table}>
        <TableHeader>
          <TableRow>
            {shown.map((column, i) => (
              <TableHeaderCell key={i} className={column.wide ? styles.wide : undefined}>
                {column.header}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row, index) => (
            <TableRow key={rowKey(row, index)}>
              {shown.map((column, i) => (
                <TableCell key={i} className={styles.cell}>
                  {column.cell(row)}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
