import { Table, type TableScrollContainerProps } from '@mantine/core';
import { useLayoutEffect, useRef } from 'react';
import classes from './ResponsiveTable.module.css';
import { cellLabels, columnLabels, isWide } from './responsiveTable.js';

type Props = Omit<TableScrollContainerProps, 'minWidth'> & { minWidth?: number };

/** The words a sighted reader sees in a header cell (a hidden "Actions" header gives none). */
function visibleText(cell: HTMLTableCellElement): string {
  const copy = cell.cloneNode(true) as HTMLElement;
  for (const hidden of copy.querySelectorAll('.mantine-VisuallyHidden-root, [aria-hidden="true"]'))
    hidden.remove();
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Writes each body cell's column header into data-label, which the card view shows. */
function labelCells(root: HTMLElement) {
  for (const table of root.querySelectorAll('table')) {
    const head = table.tHead?.rows[table.tHead.rows.length - 1];
    if (!head) continue;
    const columns = columnLabels(
      [...head.cells].map((cell) => ({ label: visibleText(cell), span: cell.colSpan })),
    );
    for (const section of [...table.tBodies, ...(table.tFoot ? [table.tFoot] : [])]) {
      for (const row of section.rows) {
        const cells = [...row.cells];
        const labels = cellLabels(
          columns,
          cells.map((cell) => cell.colSpan),
        );
        cells.forEach((cell, index) => {
          const label = labels[index];
          if (!label) cell.removeAttribute('data-label');
          else if (cell.getAttribute('data-label') !== label)
            cell.setAttribute('data-label', label);
        });
      }
    }
  }
}

/**
 * A drop-in for Mantine's Table.ScrollContainer around a list table: the table as it is at tablet
 * width and above; below it (and, for a wide table, while its box is narrower than a tablet), each
 * row is a card whose cells carry their column's header, so nothing scrolls sideways and every
 * action stays in view. The page's <Table> markup is unchanged.
 */
export function ResponsiveTable({ minWidth, className, children, ...props }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const root = ref.current;
    if (!root) return;
    labelCells(root);
    // Rows arrive with data and headers change with the language: label again on any change.
    const observer = new MutationObserver(() => labelCells(root));
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, []);
  return (
    <Table.ScrollContainer
      ref={ref}
      minWidth={minWidth ?? 0}
      className={[classes.root, isWide(minWidth) ? classes.wide : null, className]
        .filter(Boolean)
        .join(' ')}
      classNames={{ scrollContainerInner: classes.inner }}
      {...props}
    >
      {children}
    </Table.ScrollContainer>
  );
}
