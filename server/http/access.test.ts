// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { bearerToken, mayRead, parseTokens, RateLimiter } from './access';

const A = 'a'.repeat(20);
const B = 'b'.repeat(20);

describe('tokens', () => {
  it('a bare token reads every private dataset; a listed one only its datasets', () => {
    const access = parseTokens(`${A}\n ${B}=acled,ucdp`);
    expect(access.hasTokens).toBe(true);
    expect(mayRead({ id: 'x', public: false }, access.grantFor(A))).toBe(true);
    expect(mayRead({ id: 'ucdp', public: false }, access.grantFor(B))).toBe(true);
    expect(mayRead({ id: 'x', public: false }, access.grantFor(B))).toBe(false);
  });

  it('no token, a wrong token or a prefix of one reads only public datasets', () => {
    const access = parseTokens(A);
    for (const t of [undefined, '', B, A.slice(0, 19), `${A}x`]) {
      expect(mayRead({ id: 'x', public: false }, access.grantFor(t))).toBe(false);
      expect(mayRead({ id: 'x', public: true }, access.grantFor(t))).toBe(true);
    }
  });

  it('refuses short tokens and serves nothing private without tokens', () => {
    expect(() => parseTokens('short')).toThrow(/shorter than 16/);
    expect(parseTokens('').hasTokens).toBe(false);
    expect(parseTokens(undefined).grantFor(A)).toBeUndefined();
  });

  it('reads the bearer token of an Authorization header only', () => {
    expect(bearerToken(`Bearer ${A}`)).toBe(A);
    expect(bearerToken(`bearer  ${A} `)).toBe(A);
    expect(bearerToken(`Basic ${A}`)).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
  });
});

describe('RateLimiter', () => {
  it('lets a burst through, then refills at its rate, per client', () => {
    let now = 0;
    const r = new RateLimiter(2, 3, () => now);
    expect([r.take('x'), r.take('x'), r.take('x'), r.take('x')]).toEqual([true, true, true, false]);
    expect(r.take('y')).toBe(true);
    now = 500;
    expect([r.take('x'), r.take('x')]).toEqual([true, false]);
  });
});
