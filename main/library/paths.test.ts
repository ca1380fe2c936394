import { describe, expect, it } from 'vitest';
import { defaultLibraryPath } from './paths.js';

describe('defaultLibraryPath', () => {
  it("follows Electron's userData folder on each system", () => {
    expect(defaultLibraryPath({}, 'linux', '/home/ed')).toBe('/home/ed/.config/Galley/library.db');
    expect(defaultLibraryPath({ XDG_CONFIG_HOME: '/cfg' }, 'linux', '/home/ed')).toBe('/cfg/Galley/library.db');
    expect(defaultLibraryPath({}, 'darwin', '/Users/ed')).toBe('/Users/ed/Library/Application Support/Galley/library.db');
    expect(defaultLibraryPath({ APPDATA: 'C:\\Users\\ed\\AppData\\Roaming' }, 'win32', 'C:\\Users\\ed')).toBe('C:\\Users\\ed\\AppData\\Roaming\\Galley\\library.db');
  });

  it('is overridden by GALLEY_DB', () => {
    expect(defaultLibraryPath({ GALLEY_DB: 'x.db', XDG_CONFIG_HOME: '/cfg' }, 'linux', '/home/ed')).toBe('x.db');
  });
});
