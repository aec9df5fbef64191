import { groupFindings, refText } from '../../src/taskpane/group';
import { FINDINGS } from './testHost';

describe('grouping findings', () => {
  it('groups by sheet in order of appearance, then by level, workbook-wide last', () => {
    const groups = groupFindings(FINDINGS);
    expect(groups.map((g) => [g.sheet, g.count, g.levels.map((l) => l.level)])).toEqual([
      ['支出总表', 2, ['error', 'info']],
      ['收入总表', 2, ['error', 'warning']],
      [null, 1, ['info']],
    ]);
    expect(groups[1].levels[0].items[0].index).toBe(3);
  });

  it('filters by level', () => {
    expect(groupFindings(FINDINGS, 'warning').map((g) => g.sheet)).toEqual(['收入总表']);
    expect(groupFindings(FINDINGS, 'info').map((g) => g.count)).toEqual([1, 1]);
  });

  it('writes references the way Excel does', () => {
    expect(refText('支出总表', 'C8')).toBe('支出总表!C8');
    expect(refText('表 1 收支总表', 'C8')).toBe("'表 1 收支总表'!C8");
    expect(refText("O'Brien", 'A1')).toBe("'O''Brien'!A1");
  });
});
