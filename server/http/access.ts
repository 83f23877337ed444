import { createHash, timingSafeEqual } from 'node:crypto';

/** One operator-configured token: all private datasets, or only the listed ones. */
interface Grant {
  digest: Buffer;
  datasets: ReadonlySet<string> | 'all';
}

/** Who may read what: public datasets by anyone, private ones with a token that covers them. */
export interface Access {
  /** True when the server was given any token (else private datasets are not served at all). */
  readonly hasTokens: boolean;
  /** The datasets this bearer token may read beyond the public ones; undefined for no or an unknown token. */
  grantFor(token: string | undefined): Grant['datasets'] | undefined;
}

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/** The shortest token accepted: shorter ones are guessable. */
export const MIN_TOKEN_LENGTH = 16;

/**
 * Reads CHRONOSCOPE_TOKENS: entries separated by white space, each `token` (every private dataset) or
 * `token=id1,id2` (only those). Throws with a sentence when an entry is unusable.
 */
export function parseTokens(spec: string | undefined): Access {
  const grants: Grant[] = [];
  for (const entry of (spec ?? '').split(/\s+/).filter(Boolean)) {
    const eq = entry.indexOf('=');
    const token = eq < 0 ? entry : entry.slice(0, eq);
    if (token.length < MIN_TOKEN_LENGTH)
      throw new Error(
        `CHRONOSCOPE_TOKENS: a token is shorter than ${MIN_TOKEN_LENGTH} characters; use a long random one (openssl rand -hex 24).`,
      );
    const ids =
      eq < 0
        ? 'all'
        : new Set(
            entry
              .slice(eq + 1)
              .split(',')
              .filter(Boolean),
          );
    grants.push({ digest: digest(token), datasets: ids });
  }
  return {
    hasTokens: grants.length > 0,
    grantFor(token) {
      if (!token) return undefined;
      const d = digest(token);
      // Every grant is compared, in constant time each, so the answer's timing says nothing about the tokens.
      let found: Grant['datasets'] | undefined;
      for (const g of grants)
        if (timingSafeEqual(g.digest, d) && found === undefined) found = g.datasets;
      return found;
    },
  };
}

/** The bearer token of a request's Authorization header, if it has one. */
export function bearerToken(header: string | undefined): string | undefined {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return m?.[1];
}

/** May a caller with this grant read this dataset? */
export function mayRead(
  ds: { id: string; public: boolean },
  grant: Grant['datasets'] | undefined,
): boolean {
  if (ds.public) return true;
  if (grant === undefined) return false;
  return grant === 'all' || grant.has(ds.id);
}

/** Requests per client: a token bucket per address (refill per second, burst), forgotten when full again. */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one request from the client's bucket; false when it is empty (answer 429). */
  take(client: string): boolean {
    const t = this.now();
    const b = this.buckets.get(client) ?? { tokens: this.burst, at: t };
    b.tokens = Math.min(this.burst, b.tokens + ((t - b.at) / 1000) * this.perSecond);
    b.at = t;
    if (b.tokens < 1) {
      this.buckets.set(client, b);
      return false;
    }
    b.tokens -= 1;
    this.buckets.set(client, b);
    if (this.buckets.size > 10_000) this.sweep(t);
    return true;
  }

  private sweep(t: number): void {
    for (const [k, b] of this.buckets)
      if (b.tokens + ((t - b.at) / 1000) * this.perSecond >= this.burst) this.buckets.delete(k);
  }
}
