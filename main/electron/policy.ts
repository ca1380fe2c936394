// The Electron shell's security decisions as plain values and functions. This file must not import
// electron: tests pin these decisions without starting Electron, and window.ts/ipc.ts apply them.

/**
 * The renderer's Content-Security-Policy (renderer/index.html carries it as a meta tag; a test
 * keeps the two equal). No inline or eval'd script or style: an injected string stays text.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * The pages that may call IPC or be navigated to: the bundled renderer's index.html (any query or
 * fragment), or, in development, any page of the dev server's exact origin.
 */
export function trustedUrlCheck(rendererIndexHref: string, devServerUrl?: string): (url: string) => boolean {
  const devOrigin = devServerUrl ? originOf(devServerUrl) : null;
  return (url) => {
    if (typeof url !== 'string') return false;
    if (devOrigin !== null && originOf(url) === devOrigin) return true;
    return url.split(/[?#]/)[0] === rendererIndexHref;
  };
}

/** What ipc.ts knows of the calling frame (Electron's WebFrameMain, or null once it is gone). */
export interface SenderFrame {
  readonly parent: unknown;
  readonly url: string;
}

/** A call is answered only for our own top-level page: not an iframe, not a page navigated elsewhere. */
export function isTrustedSender(frame: SenderFrame | null | undefined, isTrustedUrl: (url: string) => boolean): boolean {
  return !!frame && frame.parent === null && isTrustedUrl(frame.url);
}

export const UNTRUSTED_SENDER_ERROR = {
  ok: false,
  error: { code: 'BAD_INPUT', message: "call refused: it did not come from Galley's own window" },
} as const;

function originOf(url: string): string | null {
  try {
    const { origin } = new URL(url);
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}
