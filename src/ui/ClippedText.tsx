import { useState } from 'react';
import { formatCount } from '../domain/formatCount';
import { firstWindow, moreWindow } from '../domain/textWindow';
import { Highlight } from './Highlight';

interface Props {
  text: string;
  terms: readonly string[];
  /** Characters shown at first and added by each "Show more". */
  step: number;
  /** The most characters laid out at once. */
  max: number;
  /** What the text is, for the buttons' accessible names ("title", "description"). */
  what: string;
}

/**
 * A text of any length with a bounded part of it on screen: the first `step` characters, then more in steps of
 * `step`, never more than `max` at once (laying out a million characters froze the page for over a minute).
 */
export function ClippedText({ text, terms, step, max, what }: Props) {
  // Give each text its own key where one component shows several texts in turn (the selected event's).
  const [win, setW] = useState(() => firstWindow(text.length, step));
  if (text.length <= step) return <Highlight text={text} terms={terms} />;
  const shown = text.slice(win.start, win.end);
  return (
    <>
      {win.start > 0 && '…'}
      <Highlight text={shown} terms={terms} />
      {win.end < text.length && '…'}{' '}
      <span className="cs-clip-controls">
        <span className="cs-muted">
          ({formatCount(win.start + 1)}–{formatCount(win.end)} of {formatCount(text.length)}{' '}
          characters)
        </span>{' '}
        {win.end < text.length && (
          <button
            type="button"
            className="cs-link-button"
            aria-label={`Show more of the ${what}`}
            onClick={() => setW(moreWindow(win, text.length, step, max))}
          >
            Show more
          </button>
        )}{' '}
        {win.end > step && (
          <button
            type="button"
            className="cs-link-button"
            aria-label={`Show less of the ${what}`}
            onClick={() => setW(firstWindow(text.length, step))}
          >
            Show less
          </button>
        )}
      </span>
    </>
  );
}
