import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkNewPassword, hashPassword, verifyPassword } from './password-policy.ts';

const EMAIL = 'jan.de-vries@gemeente.example';

describe('the password policy', () => {
  it('asks for at least 12 characters (counted as people count them)', async () => {
    assert.equal(await checkNewPassword('kort1234567', EMAIL), 'too_short');
    assert.equal(await checkNewPassword('🚪🚪🚪🚪🚪🚪🚪🚪🚪🚪🚪', EMAIL), 'too_short', '11 emoji are 11 characters');
    assert.equal(await checkNewPassword('x'.repeat(257), EMAIL), 'too_long');
  });

  it('refuses the most common passwords, repeated ones, and ones with a few digits added', async () => {
    for (const password of [
      'password1234',
      'qwertyuiop12',
      'Password1234',
      '123456789012',
      'aaaaaaaaaaaa',
      'passwordpassword',
      'welkom123456',
      'wachtwoord12',
      'iloveyou1234!',
    ]) {
      assert.equal(await checkNewPassword(password, EMAIL), 'too_common', password);
    }
  });

  it('refuses a password built from the e-mail address', async () => {
    for (const password of ['jan.de-vries2024!', 'ikbenjandevries!', 'vries vries vries']) {
      assert.equal(await checkNewPassword(password, EMAIL), 'contains_email', password);
    }
  });

  it('accepts a long passphrase', async () => {
    for (const password of ['correct horse battery staple', 'blauwe-fiets-2024!', 'de deur staat open voor jou']) {
      assert.equal(await checkNewPassword(password, EMAIL), undefined, password);
    }
  });

  it('hashes with argon2id and verifies; an unknown account verifies false', async () => {
    const hash = await hashPassword('de deur staat open voor jou');
    assert.match(hash, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    assert.equal(await verifyPassword(hash, 'de deur staat open voor jou'), true);
    assert.equal(await verifyPassword(hash, 'de deur staat dicht'), false);
    assert.equal(await verifyPassword(undefined, 'wat dan ook'), false);
    assert.equal(await verifyPassword('geen hash', 'wat dan ook'), false);
  });
});
