/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import './domShims';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../src/taskpane/App';
import { memorySettingsStore } from '../../src/taskpane/settingsStore';
import { DEFAULT_SETTINGS, OLDER_PROVINCIAL_GRADE_BANDS } from '../../src/core/settings';
import { deferred, TestHost } from './testHost';

function setup(host = new TestHost(), store = memorySettingsStore()) {
  const user = userEvent.setup();
  const view = render(<App host={host} settingsStore={store} theme="light" />);
  return { host, store, user, ...view };
}

const actionButton = (name: RegExp | string) => screen.getByRole('button', { name });

async function reviewed(user: ReturnType<typeof userEvent.setup>) {
  await user.click(actionButton('审核'));
  await screen.findByRole('tablist', { name: '按级别筛选' });
}

jest.setTimeout(30_000);

describe('task pane', () => {
  it('renders in Chinese by default with the four commands', () => {
    setup();
    expect(screen.getByRole('heading', { level: 1, name: '勾稽' })).toBeInTheDocument();
    for (const name of ['审核', '填充评分', '生成汇总', '清除标注']) expect(actionButton(name)).toBeEnabled();
    expect(screen.getByText('点击“审核”检查当前工作簿。')).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('zh-CN');
  });

  it('switches to English from the settings and saves the choice', async () => {
    const { user, store } = setup();
    await user.click(screen.getByRole('button', { name: '设置' }));
    await user.click(screen.getByRole('radio', { name: 'English' }));
    for (const name of ['Review', 'Fill scores', 'Build summary', 'Clear highlights'])
      expect(actionButton(name)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '审核' })).not.toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en-US');
    expect(store.saved[store.saved.length - 1]?.lang).toBe('en');
  });

  it('starts in the stored language', () => {
    setup(new TestHost(), memorySettingsStore({ ...DEFAULT_SETTINGS, lang: 'en' }));
    expect(actionButton('Review')).toBeInTheDocument();
  });

  it('审核 shows counts by level and findings grouped by sheet then level', async () => {
    const { user, host } = setup();
    await reviewed(user);
    expect(host.reviewCalls).toHaveLength(1);
    const tabs = screen.getByRole('tablist', { name: '按级别筛选' });
    expect(within(tabs).getByRole('tab', { name: /全部\s*5/ })).toBeInTheDocument();
    expect(within(tabs).getByRole('tab', { name: /错误\s*2/ })).toBeInTheDocument();
    expect(within(tabs).getByRole('tab', { name: /警告\s*1/ })).toBeInTheDocument();
    expect(within(tabs).getByRole('tab', { name: /提示\s*2/ })).toBeInTheDocument();
    expect(screen.getByText('审核完成，已标注 5 个单元格。')).toBeInTheDocument();

    // sheets in the order the host listed them, the workbook-wide group last
    const sheetHeadings = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(sheetHeadings).toEqual(['支出总表2 项', '收入总表2 项', '整个工作簿1 项']);

    const expenditure = screen.getByRole('region', { name: '支出总表' });
    const levels = within(expenditure)
      .getAllByRole('heading', { level: 4 })
      .map((h) => h.textContent);
    expect(levels).toEqual(['错误', '提示']);
    const first = within(expenditure).getByRole('button', { name: /合计不等于基本支出与项目支出之和/ });
    expect(first).toHaveTextContent('C8');
    expect(first).toHaveTextContent('应为 1,234.5');
    expect(first).toHaveTextContent('实为 1,200');
    expect(first).toHaveTextContent('相关单元格：D8, E8');

    const income = screen.getByRole('region', { name: '收入总表' });
    expect(
      within(income)
        .getAllByRole('heading', { level: 4 })
        .map((h) => h.textContent),
    ).toEqual(['错误', '警告']);
  });

  it('shows finding messages in the chosen language', async () => {
    const { user } = setup();
    await reviewed(user);
    await user.click(screen.getByRole('button', { name: '设置' }));
    await user.click(screen.getByRole('radio', { name: 'English' }));
    expect(
      screen.getByRole('button', { name: /Total is not basic plus project spending/ }),
    ).toHaveTextContent('Expected 1,234.5');
    expect(screen.getByRole('tab', { name: /Errors\s*2/ })).toBeInTheDocument();
  });

  it('filters by level', async () => {
    const { user } = setup();
    await reviewed(user);
    await user.click(screen.getByRole('tab', { name: /警告/ }));
    expect(screen.getByRole('button', { name: /科目编码不在目录中/ })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /合计不等于/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: '支出总表' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('tab', { name: /错误/ }));
    expect(screen.getByRole('button', { name: /合计不等于/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /三公经费合计不符/ })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /科目编码/ })).not.toBeInTheDocument();

    await user.click(screen.getByRole('tab', { name: /全部/ }));
    expect(screen.getByRole('button', { name: /科目编码/ })).toBeInTheDocument();
  });

  it('says so when a level has nothing and when nothing is found', async () => {
    const host = new TestHost();
    host.findings = host.findings.filter((f) => f.level !== 'warning');
    const { user } = setup(host);
    await reviewed(user);
    await user.click(screen.getByRole('tab', { name: /警告/ }));
    expect(screen.getByText('该级别下没有问题。')).toBeInTheDocument();

    host.findings = [];
    await user.click(actionButton('审核'));
    expect(await screen.findByText('未发现问题。')).toBeInTheDocument();
  });

  it('clicking a finding selects its first cell', async () => {
    const { user, host } = setup();
    await reviewed(user);
    const item = screen.getByRole('button', { name: /三公经费合计不符/ });
    await user.click(item);
    expect(host.selected).toEqual([{ sheet: '收入总表', cell: 'F20' }]);
    expect(item).toHaveAttribute('aria-current', 'true');
  });

  // Tab and arrow keys between findings are Tabster's, which needs layout: the browser test checks them.
  it('Enter and Space on a focused finding select its cell', async () => {
    const { user, host } = setup();
    await reviewed(user);
    const first = screen.getByRole('button', { name: /合计不等于/ });
    act(() => first.focus());
    await user.keyboard('{Enter}');
    expect(host.selected).toEqual([{ sheet: '支出总表', cell: 'C8' }]);
    const second = screen.getByRole('button', { name: /尾差 0.01/ });
    act(() => second.focus());
    await user.keyboard(' ');
    expect(host.selected[host.selected.length - 1]).toEqual({ sheet: '支出总表', cell: 'C12' });
  });

  it('disables every command and shows progress while the host works', async () => {
    const host = new TestHost();
    host.hold = deferred<void>();
    const { user } = setup(host);
    await user.click(actionButton('审核'));
    const bar = await screen.findByRole('progressbar');
    expect(bar).toHaveAttribute('aria-valuenow', '0.25');
    expect(screen.getByText('读取工作表')).toBeInTheDocument();
    for (const name of ['审核', '填充评分', '生成汇总', '清除标注'])
      expect(actionButton(name)).toHaveAttribute('aria-disabled', 'true');
    // a second click while busy does nothing
    await user.click(actionButton('填充评分'));
    expect(host.fillCalls).toHaveLength(0);
    expect(host.reviewCalls).toHaveLength(1);

    act(() => host.lastProgress?.('检查勾稽关系', 0.75));
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '0.75');
    expect(screen.getByText('检查勾稽关系')).toBeInTheDocument();

    await act(async () => host.hold!.resolve());
    await waitFor(() => expect(screen.queryByRole('progressbar')).not.toBeInTheDocument());
    for (const name of ['审核', '填充评分', '生成汇总', '清除标注'])
      expect(actionButton(name)).not.toHaveAttribute('aria-disabled', 'true');
  });

  it('shows host errors in an error MessageBar and can dismiss it', async () => {
    const host = new TestHost();
    host.failWith = new Error('工作表受保护，无法写入');
    const { user } = setup(host);
    await user.click(actionButton('审核'));
    const alert = await screen.findByText('工作表受保护，无法写入');
    const bar = alert.closest('[data-intent]');
    expect(bar).toHaveAttribute('data-intent', 'error');
    expect(within(bar as HTMLElement).getByText('操作未完成')).toBeInTheDocument();
    expect(actionButton('审核')).not.toHaveAttribute('aria-disabled', 'true');
    await user.click(within(bar as HTMLElement).getByRole('button', { name: '关闭' }));
    await waitFor(() => expect(screen.queryByText('工作表受保护，无法写入')).not.toBeInTheDocument());
  });

  it('shows a host error in the pane language when it carries both', async () => {
    const host = new TestHost();
    host.failWith = Object.assign(new Error('Sheet "绩效" is protected'), {
      zh: '工作表“绩效”受保护',
      en: 'Sheet "绩效" is protected',
    });
    const { user } = setup(host);
    await user.click(actionButton('清除标注'));
    expect(await screen.findByText('工作表“绩效”受保护')).toBeInTheDocument();
  });

  it('says so when going to a cell fails', async () => {
    const host = new TestHost();
    host.select = jest.fn(async () => {
      throw new Error('hidden');
    });
    const { user } = setup(host);
    await reviewed(user);
    await user.click(screen.getByRole('button', { name: /三公经费合计不符/ }));
    expect(await screen.findByText('无法定位到 收入总表!F20：hidden')).toBeInTheDocument();
  });

  it('fill scores reports what was written and lists what needs a person, each selectable', async () => {
    const host = new TestHost();
    host.fillResult = {
      written: 7,
      findings: [
        {
          rule: 'performance/qualitative-needs-person',
          level: 'warning',
          message: { zh: '定性指标“群众满意”需人工判断达成程度', en: 'Qualitative indicator needs a person' },
          locations: [{ sheet: '绩效自评', cell: 'H14' }],
        },
      ],
    };
    const { user } = setup(host);
    await user.click(actionButton('填充评分'));
    expect(await screen.findByText('已填入 7 个单元格。')).toBeInTheDocument();
    const warning = screen
      .getByText('1 项需要人工判断，未自动评分：')
      .closest('[data-intent]') as HTMLElement;
    expect(warning).toHaveAttribute('data-intent', 'warning');
    await user.click(within(warning).getByRole('button', { name: /群众满意/ }));
    expect(host.selected).toEqual([{ sheet: '绩效自评', cell: 'H14' }]);
  });

  it('after filling, reviews again and says how the counts changed', async () => {
    const host = new TestHost();
    const { user } = setup(host);
    await reviewed(user);
    expect(host.reviewCalls).toHaveLength(1);
    // the filled cells take the rounding finding away
    host.findings = host.findings.filter((f) => f.rule !== 'budget/rounding');
    await user.click(actionButton('填充评分'));
    expect(
      await screen.findByText(
        '填充评分后重新审核：错误 2 项，警告 1 项，提示 1 项（填充前：错误 2 项，警告 1 项，提示 2 项）。',
      ),
    ).toBeInTheDocument();
    expect(host.reviewCalls).toHaveLength(2);
    expect(screen.getByRole('tab', { name: /提示/ })).toHaveTextContent('1');
  });

  it('status lines follow the language when it changes after the action', async () => {
    const host = new TestHost();
    host.fillResult = {
      written: 13,
      findings: [
        {
          rule: 'performance/qualitative-needs-person',
          level: 'warning',
          message: { zh: '定性指标需人工判断', en: 'Qualitative indicator needs a person' },
          locations: [{ sheet: '绩效自评', cell: 'H14' }],
        },
      ],
    };
    const { user } = setup(host);
    await user.click(actionButton('填充评分'));
    expect(await screen.findByText('已填入 13 个单元格。')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '设置' }));
    await user.click(screen.getByRole('radio', { name: 'English' }));
    expect(await screen.findByText('Cells written: 13.')).toBeInTheDocument();
    // outside the workbook's own text (sheet names) and the name of the other language, no Chinese
    const pane = screen.getByRole('main').cloneNode(true) as HTMLElement;
    pane.querySelectorAll('[data-quoted]').forEach((el) => el.remove());
    expect(pane.textContent!.replace(/简体中文/g, '')).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('build summary names the sheet; clear reports what was removed', async () => {
    const { user, host } = setup();
    await user.click(actionButton('生成汇总'));
    expect(await screen.findByText('已生成汇总表“勾稽汇总”。')).toBeInTheDocument();
    expect(host.summaryCalls).toHaveLength(1);
    await user.click(actionButton('清除标注'));
    expect(await screen.findByText('已清除 5 处标注，原有格式已恢复。')).toBeInTheDocument();
    expect(host.clearCalls).toBe(1);
  });

  it('settings changes reach the host calls and are saved', async () => {
    const { user, host, store } = setup();
    await user.click(screen.getByRole('button', { name: '设置' }));
    await user.click(screen.getByRole('switch', { name: '报告尾差' }));
    const tolerance = screen.getByRole('spinbutton', { name: '额外容差' });
    await user.clear(tolerance);
    await user.type(tolerance, '2');
    await user.tab();
    await user.click(screen.getByRole('radio', { name: /比值/ }));
    await user.click(screen.getByRole('radio', { name: /部分省份旧版/ }));

    await user.click(actionButton('审核'));
    await screen.findByRole('tablist');
    await user.click(actionButton('填充评分'));
    await screen.findByText('已填入 3 个单元格。');
    await user.click(actionButton('生成汇总'));
    await screen.findByText('已生成汇总表“勾稽汇总”。');

    for (const s of [host.reviewCalls[0], host.fillCalls[0], host.summaryCalls[0]]) {
      expect(s.reportRounding).toBe(false);
      expect(s.extraTolerance).toBe(2);
      expect(s.scoring.reverseFormula).toBe('ratio');
      expect(s.scoring.gradeBands).toEqual(OLDER_PROVINCIAL_GRADE_BANDS);
      expect(s.lang).toBe('zh');
    }
    const last = store.saved[store.saved.length - 1]!;
    expect(last.reportRounding).toBe(false);
    expect(last.extraTolerance).toBe(2);
    expect(last.scoring.reverseFormula).toBe('ratio');
  });

  it('per-finding levels: search a finding id, turn it off, and the review and the store get it', async () => {
    const { user, host, store } = setup();
    await user.click(screen.getByRole('button', { name: '设置' }));
    const search = screen.getByRole('searchbox', { name: '搜索问题编号或说明' });
    expect(screen.getByText(/^共 \d+ 个问题编号，均为默认级别/)).toBeInTheDocument();
    await user.type(search, 'rounding');
    expect(screen.getByText(/^另有 \d+ 个，输入关键词缩小范围$/)).toBeInTheDocument();
    await user.clear(search);
    await user.type(search, 'other-share');
    const list = screen.getByRole('list', { name: '各问题的级别' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.querySelector('span')?.textContent),
    ).toEqual(['codes/other-share']);
    await user.selectOptions(screen.getByRole('combobox', { name: 'codes/other-share 的级别' }), '关闭');
    await user.click(actionButton('审核'));
    await screen.findByRole('tablist');
    expect(host.reviewCalls[0].rules).toEqual({ 'codes/other-share': 'off' });
    expect(store.saved[store.saved.length - 1]!.rules).toEqual({ 'codes/other-share': 'off' });

    await user.clear(search);
    // with no search, the changed ids are listed
    expect(within(screen.getByRole('list', { name: '各问题的级别' })).getAllByRole('listitem')).toHaveLength(
      1,
    );
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'codes/other-share 的级别' }),
      '默认（警告）',
    );
    expect(store.saved[store.saved.length - 1]!.rules ?? {}).toEqual({});
    await user.type(search, 'no such finding');
    expect(screen.getByText('没有匹配的问题编号。')).toBeInTheDocument();
  });
});
