import type { StateCreator } from 'zustand/vanilla';
import type { EditSlice } from './edit-slice.js';
import type { LibrarySlice } from './library-slice.js';
import type { PageSlice } from './page-slice.js';
import type { UiSlice } from './ui-slice.js';
import type { WorkbenchSlice } from './workbench-slice.js';

export type AppState = LibrarySlice & PageSlice & EditSlice & WorkbenchSlice & UiSlice;
export type SliceCreator<Slice> = StateCreator<AppState, [], [], Slice>;
