/** A header cell as the card view needs it: its words and how many columns it covers. */
export interface HeaderCell {
  label: string;
  span: number;
}

/** One label per column, a spanning header repeating its words over the columns it covers. */
export function columnLabels(headers: readonly HeaderCell[]): string[] {
  return headers.flatMap((header) =>
    Array.from({ length: Math.max(1, header.span) }, () => header.label),
  );
}

/**
 * The label of each cell of a body row, given the spans of its cells: the label of the column it
 * starts in. A cell spanning the whole row (an "empty" or section line) gets none.
 */
export function cellLabels(columns: readonly string[], spans: readonly number[]): string[] {
  let column = 0;
  return spans.map((span) => {
    const label = span >= columns.length && columns.length > 1 ? '' : (columns[column] ?? '');
    column += Math.max(1, span);
    return label;
  });
}

/**
 * Whether a table is too wide for its box beside the menu at tablet width, so that it turns to
 * cards there too; a narrower one stays a table. At 768 px the page beside the menu is about
 * 500 px, and a table inside a panel has about 470 px: 440 leaves room for the panel's padding.
 */
export function isWide(minWidth: number | undefined): boolean {
  return minWidth !== undefined && minWidth > 440;
}
