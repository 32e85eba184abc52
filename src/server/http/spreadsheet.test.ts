import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { type CellValue, type Column, neutraliseFormula, toCsv, toXlsx } from './spreadsheet.js';

interface Person {
  name: string;
  note: string | null;
  seats: number;
}

const columns: Column<Person>[] = [
  { header: 'Name', value: (p) => p.name, width: 30 },
  { header: 'Note', value: (p) => p.note },
  { header: 'Seats', value: (p) => p.seats },
];

async function readBack(buffer: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  const values: CellValue[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    values.push(
      Array.from({ length: columns.length }, (_, i) => {
        const v = row.getCell(i + 1).value;
        return v === null || v === undefined ? null : (v as string | number);
      }),
    );
  });
  return { sheet, values };
}

describe('neutraliseFormula', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+9665', "'+9665"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['a=1', 'a=1'],
    ['سالم', 'سالم'],
    ['', ''],
  ])('%j becomes %j', (input, expected) => {
    expect(neutraliseFormula(input)).toBe(expected);
  });

  it('leaves numbers and nothing alone', () => {
    expect(neutraliseFormula(-3)).toBe(-3);
    expect(neutraliseFormula(null)).toBeNull();
  });
});

describe('toCsv', () => {
  it('starts with a byte order mark and ends every record with CRLF', () => {
    const csv = toCsv(columns, [{ name: 'Ali', note: null, seats: 2 }]);
    expect(csv.startsWith('\uFEFFName,Note,Seats\r\n')).toBe(true);
    expect(csv).toBe('\uFEFFName,Note,Seats\r\nAli,,2\r\n');
  });

  it('quotes commas, quotes and line breaks as RFC 4180 says', () => {
    const csv = toCsv(columns, [
      { name: 'Al-Sabah, Fahad', note: 'says "hi"\nthen leaves', seats: 1 },
    ]);
    expect(csv).toContain('"Al-Sabah, Fahad","says ""hi""\nthen leaves",1\r\n');
  });

  it('neutralises formulas in text cells, also inside quotes', () => {
    const csv = toCsv(columns, [
      { name: '=HYPERLINK("http://x","y")', note: '@cmd', seats: -1 },
      { name: '+1', note: '-1', seats: 0 },
    ]);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[1]).toBe(`"'=HYPERLINK(""http://x"",""y"")",'@cmd,-1`);
    expect(lines[2]).toBe(`'+1,'-1,0`);
  });

  it('keeps Arabic text as UTF-8', () => {
    const csv = toCsv(columns, [{ name: 'فهد الصباح', note: null, seats: 1 }]);
    const bytes = Buffer.from(csv, 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('فهد الصباح');
  });

  it('writes only the header for no rows', () => {
    expect(toCsv(columns, [])).toBe('\uFEFFName,Note,Seats\r\n');
  });
});

describe('toXlsx', () => {
  it('writes a header and rows that read back the same, numbers as numbers', async () => {
    const buffer = await toXlsx(
      columns,
      [
        { name: 'فهد الصباح', note: 'vegetarian', seats: 3 },
        { name: 'Ali', note: null, seats: 0 },
      ],
      'Logistics',
    );
    const { sheet, values } = await readBack(buffer);
    expect(sheet.name).toBe('Logistics');
    expect(values).toEqual([
      ['Name', 'Note', 'Seats'],
      ['فهد الصباح', 'vegetarian', 3],
      ['Ali', null, 0],
    ]);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, rightToLeft: false });
    expect(sheet.getColumn(1).width).toBe(30);
  });

  it('stores would-be formulas as text with a leading apostrophe, never as formulas', async () => {
    const buffer = await toXlsx(
      columns,
      [{ name: '=1+1', note: '@SUM(A1:A2)', seats: 1 }],
      'Sheet',
    );
    const { sheet, values } = await readBack(buffer);
    expect(values[1]).toEqual(["'=1+1", "'@SUM(A1:A2)", 1]);
    expect(sheet.getCell('A2').type).toBe(ExcelJS.ValueType.String);
  });

  it('lays the sheet out right to left on request and cleans the sheet name', async () => {
    const buffer = await toXlsx(columns, [], 'a/b:c*d?[e]-and-a-very-long-name-indeed', {
      rightToLeft: true,
    });
    const { sheet, values } = await readBack(buffer);
    expect(sheet.views[0]?.rightToLeft).toBe(true);
    expect(sheet.name).toBe('a b c d  e -and-a-very-long-nam');
    expect(sheet.name.length).toBeLessThanOrEqual(31);
    expect(values).toEqual([['Name', 'Note', 'Seats']]);
  });
});
