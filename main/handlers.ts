import type { AppInfo } from '../app/contract.js';
import type { Handlers } from '../app/rpc.js';
import { editHandlers } from './edits/handlers.js';
import { exportHandlers } from './export/handlers.js';
import { importHandlers } from './import/handlers.js';
import type { Library } from './library/library.js';
import { libraryHandlers } from './library/handlers.js';
import { metadataHandlers } from './metadata/handlers.js';
import { publicationHandlers } from './publication/handlers.js';
import { searchHandlers } from './search/handlers.js';
import { guardStoreErrors } from './store/errors.js';

/**
 * The composition root: every domain's handlers over one open library, as the worker, browser
 * mode and the CLI's in-process calls serve them. Each domain's map is typed from the contract
 * (`HandlersOf`); `satisfies Handlers` makes a call no domain answers a compile error.
 */
export function createHandlers(lib: Library, mode: AppInfo['mode'], version: string): Handlers {
  return guardStoreErrors(lib.path, {
    ...libraryHandlers(lib, mode, version),
    ...importHandlers(lib.db),
    ...editHandlers(lib.db),
    ...metadataHandlers(lib.db),
    ...searchHandlers(lib.db),
    ...exportHandlers(lib.db),
    ...publicationHandlers(lib.db),
  } satisfies Handlers);
}
