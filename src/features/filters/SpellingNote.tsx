import { formatCount } from '../../domain/formatCount';
import type { SpellingCount } from '../../domain/query';
import { quoteTerms } from '../../domain/textSearch';
import { updateView } from '../../url/useViewState';

/** A spelling shown in the case the analyst typed its query word in (`Marfopol` for `Mariupol`). */
function shown(word: string, typed: string): string {
  const first = typed.charAt(0);
  return first !== first.toLowerCase() ? word.charAt(0).toUpperCase() + word.slice(1) : word;
}

/**
 * Says which other spellings the search let through and how many matches hold each, with a one-click exact
 * spelling (the words that matched near spellings put in quotes in the query).
 */
export function SpellingNote({ q, spellings }: { q: string; spellings: SpellingCount[] }) {
  if (spellings.length === 0) return null;
  const near = spellings.filter((s) => s.kind === 'near');
  const equivalent = spellings.filter((s) => s.kind === 'equivalent');
  const list = (items: SpellingCount[]) =>
    items.map((s) => `${shown(s.word, s.typed)} (${formatCount(s.count)})`).join(', ');
  return (
    <div className="cs-spelling-note" role="note" aria-label="Other spellings matched">
      {near.length > 0 && (
        <p>
          Also matched: {list(near)}{' '}
          <button
            type="button"
            onClick={() =>
              updateView({
                q: quoteTerms(
                  q,
                  near.map((s) => s.typed),
                ),
              })
            }
          >
            Exact spelling only
          </button>
        </p>
      )}
      {equivalent.length > 0 && <p>Same name, other spellings: {list(equivalent)}</p>}
    </div>
  );
}
