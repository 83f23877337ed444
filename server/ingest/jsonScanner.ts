/**
 * A chronoscope/1 JSON document read in pieces: the text arrives in chunks of any size, each element of the
 * top-level "events" list (or of a top-level list) is handed on as soon as it is complete, parsed by JSON.parse
 * on its own text, and every other top-level field is parsed whole when it ends. No string ever holds more than
 * one event or one other field, so a document of any size can be read.
 *
 * The scanner only finds where values begin and end (strings with their escapes, brackets and braces); JSON.parse
 * decides whether each value is valid. Structure it cannot follow (a missing comma or colon, text after the end) is
 * a JsonStreamError naming the line.
 */
export class JsonStreamError extends Error {}

export interface JsonStreamSink {
  /** A top-level field other than the events list, with its parsed value. */
  field(key: string, value: unknown): void;
  /** The events list begins (every field written before it has been reported). */
  eventsStart(): void;
  /** One element of the events list, parsed; `index` counts from 0. */
  event(value: unknown, index: number): void;
  /** The document is not an object or a list (its value, parsed). */
  scalar(value: unknown): void;
}

const WS = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

type State =
  | 'start' // before the top-level value
  | 'key' // in the object, before a key or the closing brace
  | 'colon' // after a key
  | 'value' // before a field's value
  | 'afterValue' // after a field's value: a comma or the closing brace
  | 'element' // in the events list, before an element or the closing bracket
  | 'afterElement' // after an element: a comma or the closing bracket
  | 'end'; // after the top-level value: only white space

export class JsonEventsScanner {
  private state: State = 'start';
  /** Text not yet consumed: from the start of the value being captured (or where scanning resumes). */
  private buf = '';
  /** Where in `buf` scanning resumes. */
  private at = 0;
  /** The start in `buf` of the value being captured, or -1. */
  private capture = -1;
  /** Nesting depth inside the captured value; 0 when it is a scalar or string. */
  private depth = 0;
  private inString = false;
  /** The captured value is a bare word (number, true, false, null): it ends at a delimiter. */
  private bare = false;
  private key = '';
  /** The document is a bare list of events rather than an object. */
  private list = false;
  private inEvents = false;
  private events = 0;
  /** Lines in the text before `buf` (for messages). */
  private consumedLines = 0;

  constructor(private readonly sink: JsonStreamSink) {}

  write(chunk: string): void {
    this.buf += chunk;
    this.scan(false);
  }

  /** The text has ended: the document must be complete. */
  end(): void {
    this.scan(true);
    if (this.state !== 'end')
      throw new JsonStreamError(
        this.state === 'start'
          ? 'The file holds only white space.'
          : `The file is not valid JSON: it ends too early (line ${this.lineAt(this.buf.length)}); it may be truncated.`,
      );
  }

  private lineAt(offset: number): number {
    let line = this.consumedLines + 1;
    for (let i = this.buf.indexOf('\n'); i >= 0 && i < offset; i = this.buf.indexOf('\n', i + 1))
      line++;
    return line;
  }

  private fail(offset: number, what: string): never {
    throw new JsonStreamError(
      `The file is not valid JSON: ${what} at line ${this.lineAt(offset)}.`,
    );
  }

  /** The index of the quote closing a string whose text goes on from `from`, or -1 if not in the buffer. */
  private stringEnd(from: number): number {
    const s = this.buf;
    for (let i = from; ;) {
      const q = s.indexOf('"', i);
      if (q < 0) return -1;
      // The opening quote stops this walk, so backslashes before `from` are counted too.
      let slashes = 0;
      for (let k = q - 1; s.charCodeAt(k) === 0x5c; k--) slashes++;
      if (slashes % 2 === 0) return q;
      i = q + 1;
    }
  }

  private scan(final: boolean): void {
    const s = this.buf;
    const n = s.length;
    let i = this.at;
    scanning: while (i < n || (final && this.capture >= 0 && this.bare)) {
      if (this.capture >= 0) {
        if (this.bare) {
          while (i < n) {
            const c = s.charCodeAt(i);
            if (WS(c) || c === 0x2c || c === 0x7d || c === 0x5d) break;
            i++;
          }
          if (i >= n && !final) break;
          this.finishValue(s.slice(this.capture, i), this.capture);
          continue;
        }
        if (this.inString) {
          const q = this.stringEnd(i);
          if (q < 0) {
            i = n;
            break;
          }
          i = q + 1;
          this.inString = false;
          if (this.depth === 0) this.finishValue(s.slice(this.capture, i), this.capture);
          continue;
        }
        // In an object or list value: on to the next quote, bracket or brace.
        for (; i < n; i++) {
          const c = s.charCodeAt(i);
          if (c === 0x22) {
            this.inString = true;
            i++;
            continue scanning;
          }
          if (c === 0x7b || c === 0x5b) this.depth++;
          else if ((c === 0x7d || c === 0x5d) && --this.depth === 0) {
            i++;
            this.finishValue(s.slice(this.capture, i), this.capture);
            continue scanning;
          }
        }
        continue;
      }
      const c = s.charCodeAt(i);
      if (WS(c)) {
        i++;
        continue;
      }
      switch (this.state) {
        case 'start':
          if (c === 0x7b) {
            this.state = 'key';
            i++;
          } else if (c === 0x5b) {
            this.list = true;
            i = this.enterEvents(i);
          } else i = this.begin(i);
          break;
        case 'key':
          if (c === 0x7d) {
            this.state = 'end';
            i++;
          } else if (c === 0x22) {
            const q = this.stringEnd(i + 1);
            // The name goes on in the next chunk: read it again from its quote then.
            if (q < 0) break scanning;
            try {
              this.key = JSON.parse(s.slice(i, q + 1)) as string;
            } catch {
              this.fail(i, 'an unreadable field name');
            }
            this.state = 'colon';
            i = q + 1;
          } else this.fail(i, 'a field name expected');
          break;
        case 'colon':
          if (c !== 0x3a) this.fail(i, 'a colon expected');
          this.state = 'value';
          i++;
          break;
        case 'value':
          if (c === 0x5b && this.key === 'events') i = this.enterEvents(i);
          else i = this.begin(i);
          break;
        case 'afterValue':
          if (c === 0x2c) this.state = 'key';
          else if (c === 0x7d) this.state = 'end';
          else this.fail(i, 'a comma or "}" expected');
          i++;
          break;
        case 'element':
          if (c === 0x5d) i = this.leaveEvents(i);
          else i = this.begin(i);
          break;
        case 'afterElement':
          if (c === 0x2c) {
            this.state = 'element';
            i++;
          } else if (c === 0x5d) i = this.leaveEvents(i);
          else this.fail(i, 'a comma or "]" expected between events');
          break;
        case 'end':
          this.fail(i, 'more text after the end of the document');
      }
    }
    // Keep only what is still needed: the value being captured, or the text from where scanning resumes.
    const keep = this.capture >= 0 ? this.capture : i;
    if (keep > 0) {
      for (let k = s.indexOf('\n'); k >= 0 && k < keep; k = s.indexOf('\n', k + 1))
        this.consumedLines++;
      this.buf = s.slice(keep);
      if (this.capture >= 0) this.capture -= keep;
    }
    this.at = i - keep;
  }

  /** The events list opens at i (its "["), at the top level or as the `events` field; returns where scanning resumes. */
  private enterEvents(i: number): number {
    this.inEvents = true;
    this.sink.eventsStart();
    this.state = 'element';
    return i + 1;
  }

  /** The events list closes at i (its "]"); returns where scanning resumes. */
  private leaveEvents(i: number): number {
    this.inEvents = false;
    this.state = this.list ? 'end' : 'afterValue';
    return i + 1;
  }

  /** Starts capturing a value at i; returns where scanning resumes. */
  private begin(i: number): number {
    const c = this.buf.charCodeAt(i);
    this.capture = i;
    this.depth = 0;
    this.inString = false;
    this.bare = false;
    if (c === 0x7b || c === 0x5b) {
      this.depth = 1;
      return i + 1;
    }
    if (c === 0x22) {
      this.inString = true;
      return i + 1;
    }
    this.bare = true;
    return i;
  }

  private finishValue(text: string, start: number): void {
    this.capture = -1;
    this.bare = false;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      const why = e instanceof Error ? e.message.replace(/\s+/g, ' ').slice(0, 120) : 'syntax';
      this.fail(
        start,
        `${this.inEvents ? `event ${this.events + 1}` : this.state === 'start' ? 'the document' : `"${this.key}"`} is unreadable (${why})`,
      );
    }
    if (this.state === 'start') {
      this.sink.scalar(value);
      this.state = 'end';
    } else if (this.inEvents) {
      this.sink.event(value, this.events++);
      this.state = 'afterElement';
    } else {
      this.sink.field(this.key, value);
      this.state = 'afterValue';
    }
  }
}
