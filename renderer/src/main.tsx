import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './shell/App.js';
import { ErrorBoundary } from './shell/ErrorBoundary.js';
import { initI18n } from './i18n/index.js';
import { followBackendEvents } from './store/library-slice.js';
import { createAppStore, StoreContext } from './store/index.js';
import { storedPreferences } from './store/preferences.js';
import { connect } from './transport/index.js';
import './styles/tokens.css';
import './styles/base.css';

const prefs = storedPreferences(localStorage, navigator.language, matchMedia('(prefers-color-scheme: dark)').matches);
initI18n(prefs.language);
const backend = connect(window);
const store = createAppStore(backend, prefs);
followBackendEvents(backend, store);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary>
      <StoreContext.Provider value={store}>
        <App />
      </StoreContext.Provider>
    </ErrorBoundary>
  </StrictMode>,
);

void store.getState().loadLibrary();
