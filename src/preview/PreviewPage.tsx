/**
 * The preview page: the in-memory workbook on the left, the real task pane on the right, the way Excel
 * shows an add-in. Another .xlsx can be opened from disk; nothing leaves the browser.
 */
import { Button, FluentProvider, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import { FolderOpenRegular } from '@fluentui/react-icons';
import { ChangeEvent, ReactNode, useRef } from 'react';
import type { GoujiHost } from '../core/host';
import type { FakeDocument } from '../excel/fake/document';
import { App } from '../taskpane/App';
import { useDocumentVersion, WorkbookView } from './WorkbookView';

/** The pane's width in the preview: Excel's default task pane width. */
export const PANE_WIDTH_PX = 340;

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    height: '100vh',
    fontFamily: tokens.fontFamilyBase,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  titleBar: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    backgroundColor: '#107C41',
    color: '#FFFFFF',
    fontSize: tokens.fontSizeBase300,
    minHeight: '36px',
  },
  titleName: {
    fontWeight: tokens.fontWeightSemibold,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  open: { color: '#FFFFFF', ':hover': { color: '#FFFFFF' } },
  body: { display: 'flex', flexGrow: 1, minHeight: 0 },
  grid: { flexGrow: 1, minWidth: 0, display: 'flex', flexDirection: 'column' },
  pane: {
    flexShrink: 0,
    width: `${PANE_WIDTH_PX}px`,
    overflowY: 'auto',
    borderLeft: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
});

export interface PreviewPageProps {
  doc: FakeDocument;
  host: GoujiHost;
  /** Open another workbook from disk (the page reloads the fake with it). */
  onOpenFile?(file: File): void;
  /** Shown above the grid when something went wrong loading a file. */
  banner?: ReactNode;
}

export function PreviewPage({ doc, host, onOpenFile, banner }: PreviewPageProps) {
  const styles = useStyles();
  useDocumentVersion(doc);
  const input = useRef<HTMLInputElement>(null);
  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    if (f && onOpenFile) onOpenFile(f);
    e.target.value = '';
  };
  return (
    <FluentProvider theme={webLightTheme}>
      <div className={styles.page}>
        {/* how many Excel.run batches and syncs the pane made: for tests, not shown */}
        <header
          className={styles.titleBar}
          data-testid="title-bar"
          data-runs={doc.runs.length}
          data-syncs={doc.syncs.length}
        >
          <span className={styles.titleName} data-testid="workbook-name">
            {doc.name ?? 'Workbook'}
          </span>
          {onOpenFile && (
            <>
              <Button
                className={styles.open}
                appearance="transparent"
                size="small"
                icon={<FolderOpenRegular />}
                onClick={() => input.current?.click()}
              >
                打开 .xlsx
              </Button>
              <input
                ref={input}
                type="file"
                accept=".xlsx"
                hidden
                onChange={onFile}
                data-testid="open-file"
              />
            </>
          )}
        </header>
        {banner}
        <div className={styles.body}>
          <div className={styles.grid}>
            <WorkbookView doc={doc} />
          </div>
          <aside className={styles.pane} aria-label="勾稽 task pane" data-testid="task-pane">
            <App host={host} />
          </aside>
        </div>
      </div>
    </FluentProvider>
  );
}
