import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { initialLanguage } from './app/i18n/language-choice';
import { loadCatalog } from './app/i18n/messages';
import './app/global.css';

// E1: the active language's catalog is fetched at once, beside the first route's chunk; the
// provider renders when it has arrived (a failure shows the provider's bilingual notice).
loadCatalog(initialLanguage()).catch(() => {});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
