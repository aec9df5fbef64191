/** The add-in's task pane: wait for Office, then render the pane over the Office.js host. */
import { createRoot } from 'react-dom/client';
import { createExcelHost } from '../excel';
import { App } from './App';

function mount(): void {
  const el = document.getElementById('root');
  if (!el) return;
  createRoot(el).render(<App host={createExcelHost()} />);
}

if (typeof Office !== 'undefined' && typeof Office.onReady === 'function') void Office.onReady(() => mount());
else mount();
