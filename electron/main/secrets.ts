/**
 * API keys of remote recommenders in the OS keychain: Electron's safeStorage encrypts each key
 * with a key the OS keeps (Keychain, DPAPI, libsecret/kwallet), and only the ciphertext is written,
 * to a file in the user's data folder, never into a workspace. Where the OS offers no keychain
 * (safeStorage unavailable, or Linux's plain-text "basic_text" backend), keys stay in memory for
 * the session instead, and the status says so.
 */
import fs from 'node:fs';
import path from 'node:path';
import { safeStorage } from 'electron';
import { MemorySecrets, type SecretStore } from '../backend/remote/secrets';

export function keychainSecrets(dataDir: string): SecretStore {
  const usable = safeStorage.isEncryptionAvailable() && (process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text');
  if (!usable) return new MemorySecrets();
  const file = path.join(dataDir, 'remote-keys.json');
  const read = (): Record<string, string> => {
    try {
      return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>;
    } catch {
      return {};
    }
  };
  const write = (all: Record<string, string>) => {
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(all, null, 2), { mode: 0o600 });
    fs.renameSync(tmp, file);
  };
  return {
    storage: 'keychain',
    get(endpoint) {
      const enc = read()[endpoint];
      if (!enc) return undefined;
      try {
        return safeStorage.decryptString(Buffer.from(enc, 'base64'));
      } catch {
        // Encrypted under another OS account or keychain: as good as no key.
        return undefined;
      }
    },
    set(endpoint, key) {
      write({ ...read(), [endpoint]: safeStorage.encryptString(key).toString('base64') });
    },
    delete(endpoint) {
      const all = read();
      delete all[endpoint];
      write(all);
    },
  };
}
