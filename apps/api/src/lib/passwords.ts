import bcrypt from 'bcrypt';

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(password: string, hash: string): Promise<boolean>;
  /**
   * Spends the time of one verification without a real hash, so that "no such user" and "wrong
   * password" take as long as each other and do not reveal which emails exist.
   */
  waste(password: string): Promise<void>;
}

export function createPasswordHasher(cost: number): PasswordHasher {
  // Hashed on libuv's thread pool while the server starts, not on the main thread (it takes
  // as long as a login's hash: a quarter of a second at cost 12).
  const dummyHash = bcrypt.hash('swigs-timing-equaliser', cost);
  return {
    hash: (password) => bcrypt.hash(password, cost),
    verify: (password, hash) => bcrypt.compare(password, hash),
    async waste(password) {
      await bcrypt.compare(password, await dummyHash);
    },
  };
}
