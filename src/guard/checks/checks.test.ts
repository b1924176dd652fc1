import { describe, expect, it } from 'vitest';
import { ipv6Valid } from '../detectors/pii/ipv6.js';
import { isSecretKey, readAssignment } from './assignment.js';
import { cnIdCheckChar, cnIdValid } from './cn-id.js';
import { shannonEntropy } from './entropy.js';
import { ibanValid } from './iban.js';
import { luhnValid } from './luhn.js';

describe('checksums and structure checks', () => {
  it('Luhn', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(luhnValid('')).toBe(false);
  });

  it('IBAN length and mod 97', () => {
    expect(ibanValid('GB82WEST12345698765432')).toBe(true);
    expect(ibanValid('GB82WEST12345698765433')).toBe(false);
    expect(ibanValid('GB82WEST1234569876543')).toBe(false);
    expect(ibanValid('XX82WEST12345698765432')).toBe(false);
  });

  it('Chinese resident ID: region, date, ISO 7064 check', () => {
    expect(cnIdCheckChar('11010519491231002')).toBe('X');
    expect(cnIdValid('11010519491231002X')).toBe(true);
    expect(cnIdValid('110105194912310021')).toBe(false);
    expect(cnIdValid('990105194912310021')).toBe(false);
    expect(cnIdValid('510107200102297893')).toBe(false);
  });

  it('IPv6 text forms', () => {
    for (const ok of ['2001:db8::1', '::ffff:192.0.2.1', '1:2:3:4:5:6:7:8', 'fe80::', '1:2:3:4:5:6:1.2.3.4']) expect(ipv6Valid(ok), ok).toBe(true);
    for (const bad of ['1:2:3', '1::2::3', '12345::', '10:22:33', '1:2:3:4:5:6:7:8:9', ':1:2:3:4:5:6:7', '00:1A:2B:3C:4D:5E']) expect(ipv6Valid(bad), bad).toBe(false);
  });

  it('secret-naming identifiers', () => {
    for (const k of ['password', 'DB_PASSWORD', 'PGPASSWORD', 'apiKey', 'x-api-key', 'client_secret', 'access_token', 'SECRET_KEY']) expect(isSecretKey(k), k).toBe(true);
    for (const k of ['max_tokens', 'token_type', 'password_hint', 'key', 'secret_name', 'primary_key', 'keyboard']) expect(isSecretKey(k), k).toBe(false);
  });

  it('reads assignments in several syntaxes', () => {
    const cases: [string, string][] = [
      ['password = "abc def"', 'abc def'],
      ["'password': 'x1'", 'x1'],
      ['PASSWORD=hunter2 next', 'hunter2'],
      ['password: s3cret.', 's3cret'],
      ['password => "v"', 'v'],
      ['password := "v2"', 'v2'],
    ];
    for (const [text, value] of cases) {
      const at = text.toLowerCase().indexOf('password');
      const a = readAssignment(text, at, 8);
      expect(a && text.slice(a.valueStart, a.valueEnd), text).toBe(value);
    }
    expect(readAssignment('password == other', 0, 8)).toBeUndefined();
  });

  it('entropy', () => {
    expect(shannonEntropy('aaaa')).toBe(0);
    expect(shannonEntropy('abcd')).toBe(2);
  });
});
