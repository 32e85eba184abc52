import { describe, expect, it } from 'vitest';
import { cellLabels, columnLabels, isWide } from './responsiveTable.js';

describe('responsive table labels', () => {
  it('gives every column its header, a spanning header covering its columns', () => {
    expect(
      columnLabels([
        { label: 'Name', span: 1 },
        { label: 'Scores', span: 2 },
        { label: '', span: 1 },
      ]),
    ).toEqual(['Name', 'Scores', 'Scores', '']);
  });

  it('labels each cell by the column it starts in', () => {
    const columns = ['Name', 'Pre', 'Post', 'Status'];
    expect(cellLabels(columns, [1, 1, 1, 1])).toEqual(['Name', 'Pre', 'Post', 'Status']);
    expect(cellLabels(columns, [1, 2, 1])).toEqual(['Name', 'Pre', 'Status']);
  });

  it('leaves a cell spanning the whole row without a label', () => {
    expect(cellLabels(['Name', 'Status'], [2])).toEqual(['']);
    expect(cellLabels(['Name'], [1])).toEqual(['Name']);
  });

  it('gives a cell beyond the header no label rather than a wrong one', () => {
    expect(cellLabels(['Name'], [1, 1])).toEqual(['Name', '']);
  });
});

describe('responsive table width', () => {
  it('keeps a narrow table a table beside the menu at tablet width, not a wide one', () => {
    expect(isWide(undefined)).toBe(false);
    expect(isWide(440)).toBe(false);
    expect(isWide(480)).toBe(true);
    expect(isWide(1100)).toBe(true);
  });
});
