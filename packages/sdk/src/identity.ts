import type { KeyValueStorage } from './platform.js';
import { readItem, readJson, writeItem } from './stored-item.js';
import type { Properties } from './types.js';

/** Who the current visitor is, as persisted between page loads. */
export interface IdentityState {
  anonymousId: string;
  userId?: string;
  groupId?: string;
  /** HMAC-SHA256(secretKey, userId), when the app verifies identities. */
  userHash?: string;
  traits: Properties;
}

/** The persisted identity and consent of the visitor. */
export interface Identity {
  state: IdentityState;
  /** Applies a change and persists it. */
  update(patch: Partial<IdentityState>): void;
  /** Forgets the user and starts a fresh anonymousId. */
  reset(): void;
  /** Persists the state if it never was (a new visitor's anonymousId is stored on first use, not on load). */
  keep(): void;
  consented(): boolean;
  setConsent(granted: boolean): void;
}

const identityKey = 'waymark.identity';
const consentKey = 'waymark.consent';

function load(storage: KeyValueStorage | undefined, newId: () => string): IdentityState {
  const saved = readJson(storage, identityKey) as Partial<IdentityState> | undefined;
  // A damaged value starts over.
  if (typeof saved?.anonymousId === 'string') return { ...saved, anonymousId: saved.anonymousId, traits: saved.traits ?? {} };
  return { anonymousId: newId(), traits: {} };
}

/** Loads (or creates) the visitor's identity from `storage`; `newId` makes anonymousIds. */
export function createIdentity(storage: KeyValueStorage | undefined, newId: () => string): Identity {
  // Kept in memory too, so a withdrawal holds for this page even when storage is unavailable.
  let granted = readItem(storage, consentKey) !== '0';
  let saved = false;
  const save = (state: IdentityState): void => {
    // Serialised first: unserialisable traits (cycles, BigInt) throw here and leave the state as it was.
    const json = JSON.stringify(state);
    identity.state = state;
    // Nothing new is stored about a visitor who withdrew consent.
    if (granted) {
      writeItem(storage, identityKey, json);
      saved = true;
    }
  };
  const identity: Identity = {
    state: load(storage, newId),
    update: (patch) => save({ ...identity.state, ...patch }),
    reset: () => save({ anonymousId: newId(), traits: {} }),
    keep: () => saved || save(identity.state),
    consented: () => granted,
    setConsent(value) {
      granted = value;
      writeItem(storage, consentKey, value ? undefined : '0');
      save(identity.state);
    },
  };
  return identity;
}
