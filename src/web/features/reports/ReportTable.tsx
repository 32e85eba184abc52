import { Table } from '@mantine/core';
import type { ReactNode } from 'react';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';

export interface ReportColumn<T> {
  header: string;
  cell: (row: T) => ReactNode;
}

/**
 * A report's table: the first column names the row (a row header, so a screen reader says
 * which nation or activity a figure belongs to), the others are its figures.
 */
export function ReportTable<T>({
  rows,
  rowKey,
  columns,
  minWidth,
}: {
  rows: readonly T[];
  rowKey: (row: T) => string;
  columns: readonly [ReportColumn<T>, ...ReportColumn<T>[]];
  minWidth: number;
}) {
  const [named, ...figures] = columns;
  return (
    <ResponsiveTable minWidth={minWidth} mt="md">
      <Table withTableBorder striped>
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => (
              <Table.Th key={c.header} scope="col">
                {c.header}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={rowKey(row)}>
              <Table.Th scope="row" fw={500}>
                {named.cell(row)}
              </Table.Th>
              {figures.map((c) => (
                <Table.Td key={c.header}>{c.cell(row)}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ResponsiveTable>
  );
}
