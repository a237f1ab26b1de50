import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Encryption of personal fields at rest (ID numbers, phones): AES-256-GCM with a random 96-bit IV per
 * value, stored as `v1:<iv>:<tag>:<ciphertext>` (base64url). Lookups and the uniqueness of ID numbers
 * use a keyed hash (HMAC-SHA256), so equal numbers can be found without decrypting every row and a
 * leaked table does not yield numbers by brute-forcing the small ID space without the key.
 * Both keys are derived (HKDF) from one 32-byte master key.
 */
export interface FieldCrypto {
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
  /** Deterministic keyed hash for lookups (hex). */
  lookupHash(plain: string): string;
}

const IV_BYTES = 12;
/**
 * IVs are cut from a pool of random bytes filled 1,024 IVs at a time: one randomBytes call per
 * value was a second of an import's 200,000 encryptions. Each IV is still 96 fresh random bits,
 * used once (GCM's requirement).
 */
const IV_POOL_SIZE = 1024;
let ivPool = Buffer.alloc(0);
let ivNext = 0;
function nextIv(): Buffer {
  if (ivNext >= ivPool.length) {
    // A new buffer, not a refill: IVs handed out earlier may still be referenced by a cipher.
    ivPool = crypto.randomBytes(IV_BYTES * IV_POOL_SIZE);
    ivNext = 0;
  }
  const iv = ivPool.subarray(ivNext, ivNext + IV_BYTES);
  ivNext += IV_BYTES;
  return iv;
}

export function createFieldCrypto(masterKey: Buffer): FieldCrypto {
  if (masterKey.length !== 32) throw new Error('field encryption key must be 32 bytes');
  const derive = (info: string) => Buffer.from(crypto.hkdfSync('sha256', masterKey, Buffer.alloc(0), info, 32));
  const encKey = derive('sgpt field encryption v1');
  const macKey = derive('sgpt lookup hash v1');
  return {
    encrypt(plain) {
      const iv = nextIv();
      const cipher = crypto.createCipheriv('aes-256-gcm', encKey, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join(':');
    },
    decrypt(sealed) {
      const [version, iv, tag, body] = sealed.split(':');
      if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('unrecognised sealed value');
      const decipher = crypto.createDecipheriv('aes-256-gcm', encKey, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    },
    lookupHash(plain) {
      return crypto.createHmac('sha256', macKey).update(plain, 'utf8').digest('hex');
    },
  };
}

/**
 * The master key: `FIELD_KEY` (base64, 32 bytes) when set — production keeps it outside the data
 * directory — otherwise `<dataDir>/field.key`, created with mode 0600 on first start. Losing the key
 * makes the encrypted fields unreadable: back it up with the database.
 */
export function loadMasterKey(dataDir: string, env: NodeJS.ProcessEnv = process.env): Buffer {
  if (env.FIELD_KEY) {
    const key = Buffer.from(env.FIELD_KEY, 'base64');
    if (key.length !== 32) throw new Error('FIELD_KEY must be 32 bytes, base64-encoded (openssl rand -base64 32)');
    return key;
  }
  const file = path.join(dataDir, 'field.key');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
  }
  const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== 32) throw new Error(`${file} does not hold a 32-byte base64 key`);
  return key;
}
