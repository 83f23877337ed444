/** Values kept by key, the least recently used dropped first past `max`. */
export class Kept<T> {
  private readonly map = new Map<string, T>();
  constructor(private readonly max: number) {}
  get(key: string): T | undefined {
    const hit = this.map.get(key);
    if (hit !== undefined) {
      this.map.delete(key);
      this.map.set(key, hit);
    }
    return hit;
  }
  set(key: string, value: T): void {
    this.map.delete(key);
    this.map.set(key, value);
    while (this.map.size > this.max) this.map.delete(this.map.keys().next().value!);
  }
  delete(key: string): void {
    this.map.delete(key);
  }
}

/**
 * The answers of questions asked of the database, kept by key: a key's question is asked once while its answer is
 * kept, and an answer that fails (the database away) is not kept, so it is asked again next time.
 */
export class KeptAnswers<T> extends Kept<Promise<T>> {
  ask(key: string, question: () => Promise<T>): Promise<T> {
    let hit = this.get(key);
    if (!hit) {
      hit = question();
      this.set(key, hit);
      hit.catch(() => this.delete(key));
    }
    return hit;
  }
}
