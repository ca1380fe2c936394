import type { StateCreator } from 'zustand/vanilla';
import type { ExportSlice } from '../features/export/export-slice.js';
import type { IssueSlice } from '../features/issue/issue-slice.js';
import type { MetadataSlice } from '../features/metadata/metadata-slice.js';
import type { SearchSlice } from '../features/search/search-slice.js';
import type { EditSlice } from './edit-slice.js';
import type { LibrarySlice } from './library-slice.js';
import type { PageSlice } from './page-slice.js';
import type { UiSlice } from './ui-slice.js';
import type { WorkbenchSlice } from './workbench-slice.js';

export type AppState = LibrarySlice & PageSlice & EditSlice & WorkbenchSlice & UiSlice & MetadataSlice & IssueSlice & ExportSlice & SearchSlice;
export type SliceCreator<Slice> = StateCreator<AppState, [], [], Slice>;
