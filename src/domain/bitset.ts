/** A fixed-size set of small integers (event positions), 32 per word. */
export class Bitset {
  readonly size: number;
  readonly words: Uint32Array;

  constructor(size: number, words?: Uint32Array) {
    this.size = size;
    this.words = words ?? new Uint32Array((size + 31) >>> 5);
  }

  /** A set holding every position 0..size-1. */
  static full(size: number): Bitset {
    const b = new Bitset(size);
    b.words.fill(0xffffffff);
    const rest = size & 31;
    if (rest !== 0 && b.words.length > 0) b.words[b.words.length - 1] = (2 ** rest - 1) >>> 0;
    return b;
  }

  /** A set of the given positions. */
  static of(size: number, positions: ArrayLike<number>): Bitset {
    const b = new Bitset(size);
    for (let i = 0; i < positions.length; i++) b.add(positions[i]!);
    return b;
  }

  clone(): Bitset {
    return new Bitset(this.size, this.words.slice());
  }

  add(i: number): void {
    this.words[i >>> 5]! |= 1 << (i & 31);
  }

  /** Takes one position out. */
  remove(i: number): void {
    this.words[i >>> 5]! &= ~(1 << (i & 31));
  }

  has(i: number): boolean {
    return (this.words[i >>> 5]! & (1 << (i & 31))) !== 0;
  }

  /** In place: keeps only positions also in `other`. */
  and(other: Bitset): this {
    const a = this.words;
    const b = other.words;
    for (let w = 0; w < a.length; w++) a[w]! &= b[w]!;
    return this;
  }

  /** In place: adds every position of `other`. */
  or(other: Bitset): this {
    const a = this.words;
    const b = other.words;
    for (let w = 0; w < a.length; w++) a[w]! |= b[w]!;
    return this;
  }

  /** In place: removes every position of `other`. */
  andNot(other: Bitset): this {
    const a = this.words;
    const b = other.words;
    for (let w = 0; w < a.length; w++) a[w]! &= ~b[w]!;
    return this;
  }

  count(): number {
    let c = 0;
    const a = this.words;
    for (let w = 0; w < a.length; w++) {
      let v = a[w]!;
      v = v - ((v >>> 1) & 0x55555555);
      v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
      c += (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
    }
    return c;
  }

  /** How many positions are ≥ from. */
  countFrom(from: number): number {
    if (from >= this.size) return 0;
    const start = Math.max(0, from);
    const a = this.words;
    let c = 0;
    let w = start >>> 5;
    let v = a[w]! & (0xffffffff << (start & 31));
    for (;;) {
      v = v - ((v >>> 1) & 0x55555555);
      v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
      c += (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
      w++;
      if (w >= a.length) return c;
      v = a[w]!;
    }
  }

  /** Calls fn for each position in ascending order. */
  forEach(fn: (i: number) => void): void {
    const a = this.words;
    for (let w = 0; w < a.length; w++) {
      let v = a[w]!;
      while (v !== 0) {
        const t = v & -v;
        fn((w << 5) + 31 - Math.clz32(t));
        v ^= t;
      }
    }
  }

  /**
   * The positions, ascending. Its own loop, with full words written straight out: the event table asks for every
   * match in date order, and this is about twice as fast as going through forEach.
   */
  toArray(): Uint32Array {
    const out = new Uint32Array(this.count());
    const a = this.words;
    let k = 0;
    for (let w = 0; w < a.length; w++) {
      let v = a[w]!;
      const base = w << 5;
      if (v === 0xffffffff) {
        for (let j = 0; j < 32; j++) out[k++] = base + j;
        continue;
      }
      while (v !== 0) {
        const t = v & -v;
        out[k++] = base + 31 - Math.clz32(t);
        v ^= t;
      }
    }
    return out;
  }

  /** The first position ≥ from, or -1. */
  nextFrom(from: number): number {
    if (from >= this.size) return -1;
    let w = Math.max(0, from) >>> 5;
    let v = this.words[w]! & (0xffffffff << (Math.max(0, from) & 31));
    for (;;) {
      if (v !== 0) return (w << 5) + 31 - Math.clz32(v & -v);
      w++;
      if (w >= this.words.length) return -1;
      v = this.words[w]!;
    }
  }

  /** The last position ≤ from, or -1. */
  prevFrom(from: number): number {
    if (from < 0) return -1;
    const start = Math.min(from, this.size - 1);
    let w = start >>> 5;
    const shift = 31 - (start & 31);
    let v = shift === 0 ? this.words[w]! : (this.words[w]! << shift) >>> shift;
    for (;;) {
      if (v !== 0) return (w << 5) + 31 - Math.clz32(v);
      w--;
      if (w < 0) return -1;
      v = this.words[w]!;
    }
  }
}
