/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import './domShims';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { sheetFromValues } from '../../src/core/model/workbook';
import { FakeDocument } from '../../src/excel/fake/document';
import { formatCell } from '../../src/preview/format';
import { WorkbookView } from '../../src/preview/WorkbookView';

function sampleDoc(): FakeDocument {
  const income = sheetFromValues(
    '收入总表',
    [
      ['收入总表', null, null],
      ['科目', '名称', '合计'],
      ['204', '公共安全支出', 1234.5],
    ],
    [{ top: 0, left: 0, bottom: 0, right: 2 }],
  );
  income.rows[2]![2]!.numFmt = '#,##0.00';
  const hidden = { ...sheetFromValues('隐藏', [['x']]), hidden: true };
  const spending = sheetFromValues('支出总表', [['合计', 10]]);
  return FakeDocument.fromWorkbook({ name: 'test.xlsx', sheets: [income, hidden, spending] });
}

const td = (cell: string) => document.querySelector<HTMLElement>(`td[data-cell="${cell}"]`)!;

describe('preview grid', () => {
  it('shows the active sheet with formatted values, merges and visible sheet tabs only', () => {
    render(<WorkbookView doc={sampleDoc()} />);
    expect(screen.getByRole('grid', { name: '收入总表' })).toBeInTheDocument();
    expect(td('C3')).toHaveTextContent('1,234.50');
    expect(td('A1')).toHaveAttribute('colspan', '3');
    expect(td('B1')).toBeNull();
    expect(screen.getAllByRole('tab').map((t) => t.textContent)).toEqual(['收入总表', '支出总表']);
  });

  it('follows highlights, notes, selection and sheet activation made through the fake', async () => {
    const doc = sampleDoc();
    render(<WorkbookView doc={doc} />);
    const sheet = doc.sheets[0];
    act(() => {
      sheet.conditionalFormats.push({
        id: 'cf1',
        range: { top: 2, left: 2, bottom: 2, right: 2 },
        type: 'Custom',
        formula: '=TRUE',
        fill: '#FFC7CE',
        fontColor: null,
        stopIfTrue: false,
      });
      sheet.notes.push({ row: 2, col: 2, content: 'Gouji:\n【错误】合计不符', author: 'Gouji' });
      doc.selection = { sheetId: sheet.id, range: { top: 2, left: 2, bottom: 2, right: 2 } };
      doc.notify();
    });
    expect(td('C3')).toHaveAttribute('data-fill', '#FFC7CE');
    expect(td('C3')).toHaveStyle({ backgroundColor: '#FFC7CE' });
    expect(td('C3')).toHaveAttribute('data-note', 'note');
    expect(td('C3')).toHaveAttribute('data-selected', 'true');
    expect(screen.getByTestId('name-box')).toHaveTextContent('C3');
    expect(screen.getByTestId('selected-note')).toHaveTextContent('【错误】合计不符');

    act(() => {
      sheet.conditionalFormats = [];
      sheet.notes = [];
      doc.notify();
    });
    expect(td('C3')).not.toHaveAttribute('data-fill');
    expect(td('C3')).not.toHaveAttribute('data-note');

    act(() => {
      doc.activeSheetId = doc.sheets[2].id;
      doc.notify();
    });
    expect(screen.getByRole('grid', { name: '支出总表' })).toBeInTheDocument();

    await userEvent.setup().click(screen.getByRole('tab', { name: '收入总表' }));
    expect(doc.activeSheetId).toBe(sheet.id);
    expect(screen.getByRole('grid', { name: '收入总表' })).toBeInTheDocument();
  });
});

describe('preview cell format', () => {
  it('prints numbers the way common budget formats do', () => {
    expect(formatCell(1234.5, '#,##0.00')).toBe('1,234.50');
    expect(formatCell(0.39096, '0.00%')).toBe('39.10%');
    expect(formatCell(1234.5, '0')).toBe('1235');
    expect(formatCell(0.1 + 0.2)).toBe('0.3');
    expect(formatCell(12, '#,##0.00_ ;[Red]-#,##0.00 ')).toBe('12.00');
    expect(formatCell(44562, 'yyyy-mm-dd')).toBe('2022-01-01');
    expect(formatCell({ error: '#REF!' })).toBe('#REF!');
    expect(formatCell(true)).toBe('TRUE');
    expect(formatCell(null)).toBe('');
  });
});
