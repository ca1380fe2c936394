import type { StateCreator } from 'zustand/vanilla';
import type { LibrarySlice } from './library-slice.js';
import type { PageSlice } from './page-slice.js';
import type { UiSlice } from './ui-slice.js';

export type AppState = LibrarySlice & PageSlice & UiSlice;
export type SliceCreator<Slice> = StateCreator<AppState, [], [], Slice>;
