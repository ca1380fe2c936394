import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Backend } from '../transport/index.js';
import { createExportSlice } from './export-slice.js';
import { createIssueSlice } from './issue-slice.js';
import { createMetadataSlice } from './metadata-slice.js';
import { createSearchSlice } from './search-slice.js';
import { createEditSlice } from './edit-slice.js';
import { createLibrarySlice } from './library-slice.js';
import { createPageSlice } from './page-slice.js';
import { createProfileSlice } from './profile-slice.js';
import type { AppState, Preferences } from './state.js';
import { createUiSlice } from './ui-slice.js';
import { createWorkbenchSlice } from './workbench-slice.js';

export type AppStore = StoreApi<AppState>;

export function createAppStore(backend: Backend, prefs: Preferences): AppStore {
  return createStore<AppState>()((...a) => ({
    ...createLibrarySlice(backend)(...a),
    ...createPageSlice(backend)(...a),
    ...createEditSlice(backend, prefs.editor)(...a),
    ...createWorkbenchSlice(...a),
    ...createUiSlice(prefs)(...a),
    ...createMetadataSlice(backend)(...a),
    ...createIssueSlice(backend)(...a),
    ...createExportSlice(backend)(...a),
    ...createSearchSlice(backend)(...a),
    ...createProfileSlice(backend)(...a),
  }));
}

export const StoreContext = createContext<AppStore | null>(null);

export function useAppStore<T>(selector: (state: AppState) => T): T {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useAppStore outside StoreContext');
  return useStore(store, selector);
}

/** The store itself, for event handlers that read the latest state without re-rendering on it. */
export function useStoreApi(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useStoreApi outside StoreContext');
  return store;
}
