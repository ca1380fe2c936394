import type { Backend } from '../transport/index.js';
import { locatePage } from './selectors.js';
import type { ProfileSlice, SliceCreator } from './state.js';

export const createProfileSlice =
  (backend: Backend): SliceCreator<ProfileSlice> =>
  (set, get) => {
    const publicationId = () => locatePage(get().tree, get().pageId)?.issue.publicationId ?? null;
    /** Runs a profile call; a refusal (a bad file) is the dialog's message, not the window's error banner. */
    const run = async (call: () => Promise<void>) => {
      set({ profileError: null });
      try {
        await call();
      } catch (err) {
        set({ profileError: err instanceof Error ? err.message : String(err) });
      }
    };
    return {
      profile: null,
      profileError: null,

      async loadProfile() {
        const id = publicationId();
        if (id === null) return;
        await run(async () => set({ profile: await backend.call('publication:profile', { publicationId: id }) }));
      },

      async markPageDone() {
        const pageId = get().pageId;
        if (pageId === null) return;
        await run(async () => set({ profile: await backend.call('publication:learnPage', { pageId, done: true }) }));
      },

      async learnFromLeftPage(pageId) {
        try {
          const profile = await backend.call('publication:learnPage', { pageId, done: false });
          if (get().profile?.publicationId === profile.publicationId) set({ profile });
        } catch (err) {
          get().reportError(err);
        }
      },

      async learnFromOpenPage() {
        const page = get().page;
        if (page?.history.canUndo) await get().learnFromLeftPage(page.page.id);
      },

      async resetProfile() {
        const id = publicationId();
        if (id === null) return;
        await run(async () => set({ profile: await backend.call('publication:resetProfile', { publicationId: id }) }));
      },

      async exportProfile() {
        const id = publicationId();
        if (id === null) return null;
        let file = null;
        await run(async () => {
          file = await backend.call('publication:exportProfile', { publicationId: id });
        });
        return file;
      },

      async importProfile(json) {
        const id = publicationId();
        if (id === null) return;
        await run(async () => set({ profile: await backend.call('publication:importProfile', { publicationId: id, json }) }));
      },
    };
  };
