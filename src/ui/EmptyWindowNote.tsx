import { formatCount } from '../domain/formatCount';

interface Props {
  before: number;
  after: number;
  /** The nearest match: how it reads (title and date) and whether it lies after the window. */
  nearest?: { label: string; later: boolean };
  onGoToNearest(): void;
}

const matches = (n: number) => `${formatCount(n)} match${n === 1 ? '' : 'es'}`;

/** Said where the timeline's window holds no matching event: where the matches are, and a way to the nearest. */
export function EmptyWindowNote({ before, after, nearest, onGoToNearest }: Props) {
  return (
    <div className="cs-empty-window" role="note">
      <p>
        No matching events in this window: {matches(before)} before it, {matches(after)} after it.
      </p>
      {nearest && (
        <button type="button" onClick={onGoToNearest} title={nearest.label}>
          {nearest.later ? 'Go to the next match →' : '← Go to the previous match'}
        </button>
      )}
    </div>
  );
}
