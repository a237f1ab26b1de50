import { describe, expect, it } from 'vitest';
import { createFieldCrypto } from './field-crypto.ts';

const crypto = createFieldCrypto(Buffer.alloc(32, 7));

describe('field crypto', () => {
  it('decrypts what it encrypted, Chinese text included', () => {
    for (const plain of ['52010219900307001X', '13800138000', '张三·李四', '']) {
      expect(crypto.decrypt(crypto.encrypt(plain))).toBe(plain);
    }
  });

  it('never repeats an IV, across several refills of the IV pool', () => {
    const ivs = new Set<string>();
    const n = 5000;
    for (let i = 0; i < n; i++) ivs.add(crypto.encrypt('52010219900307001X').split(':')[1]);
    expect(ivs.size).toBe(n);
  });

  it('gives different ciphertexts for the same value and the same hash', () => {
    expect(crypto.encrypt('13800138000')).not.toBe(crypto.encrypt('13800138000'));
    expect(crypto.lookupHash('13800138000')).toBe(crypto.lookupHash('13800138000'));
    expect(crypto.lookupHash('13800138000')).not.toBe(crypto.lookupHash('13800138001'));
  });

  it('refuses a tampered value and a value sealed with another key', () => {
    const sealed = crypto.encrypt('52010219900307001X');
    const [v, iv, tag, body] = sealed.split(':');
    const flipped = body[0] === 'A' ? `B${body.slice(1)}` : `A${body.slice(1)}`;
    expect(() => crypto.decrypt([v, iv, tag, flipped].join(':'))).toThrow();
    expect(() => createFieldCrypto(Buffer.alloc(32, 8)).decrypt(sealed)).toThrow();
    expect(() => crypto.decrypt('v2:x:y:z')).toThrow(/unrecognised/);
  });

  it('needs a 32-byte key', () => {
    expect(() => createFieldCrypto(Buffer.alloc(16))).toThrow(/32 bytes/);
  });
});
