import { describe, expect, it } from 'vitest';
import { bytesToBase64 } from './base64.js';

const decode = (base64: string) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));

describe('bytesToBase64', () => {
  it('round-trips every byte value, across chunk boundaries', () => {
    const bytes = new Uint8Array(100_003).map((_, i) => (i * 7919) % 256);
    expect(decode(bytesToBase64(bytes))).toEqual(bytes);
  });
  it('matches the standard alphabet and padding', () => {
    expect(bytesToBase64(new TextEncoder().encode('本报讯'))).toBe('5pys5oql6K6v');
    expect(bytesToBase64(new Uint8Array([0xb1, 0xbe, 0xff]))).toBe('sb7/');
    expect(bytesToBase64(new Uint8Array([0x0d, 0x0a]))).toBe('DQo=');
  });
  it('encodes nothing as nothing', () => {
    expect(bytesToBase64(new Uint8Array())).toBe('');
  });
});
