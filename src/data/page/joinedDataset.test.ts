import { describe, expect, it } from 'vitest';
import { checkDraft, EMPTY_DRAFT, newAddedId } from '../../domain/addedEvents';
import { buildIndex } from '../../domain/buildIndex';
import { EMPTY_CURATION, editEntity } from '../../domain/curation';
import { joinLayer } from '../../domain/joinLayer';
import { normaliseDocument } from '../../domain/normalise';
import { joinedTextService } from './joinedDataset';
import { inlineTextService } from './textService';

const base = buildIndex(
  normaliseDocument({
    entities: [{ id: 'kiev', name: 'Kiev', type: 'place' }],
    events: [
      { id: 'a', title: 'Talks in the capital', start: '2015-02-11', actors: ['kiev'] },
      { id: 'b', title: 'Port closed', start: '2015-04-01' },
    ],
  }),
);
const draft = checkDraft(
  { ...EMPTY_DRAFT, title: 'Strike on Odesa port', date: 'March 2015' },
  newAddedId('1'),
);
if (!draft.ok) throw new Error('draft');

describe('joinedTextService', () => {
  it('finds added events and moves the dataset’s answers to the joined positions', async () => {
    const joined = joinLayer(base, [draft.event], EMPTY_CURATION);
    const text = joinedTextService(inlineTextService(base), joined, EMPTY_CURATION);
    const ids = async (q: string) =>
      Array.from((await text.search(q)).positions, (p) => joined.index.events.at(p)!.id);
    expect(await ids('odesa')).toEqual([newAddedId('1')]);
    expect(await ids('port')).toEqual([newAddedId('1'), 'b']);
    expect(await ids('talks')).toEqual(['a']);
    // A second ask of the same answer is the same object (the filter result is memoised on it).
    expect(text.peek('port')).toBe(text.peek('port'));
  });

  it('finds the events of an entity by the name the analyst gave it', async () => {
    const c = editEntity(EMPTY_CURATION, 'kiev', () => ({ name: 'Kyiv' }));
    const joined = joinLayer(base, [], c);
    const text = joinedTextService(inlineTextService(base), joined, c);
    expect(Array.from((await text.search('kyiv')).positions)).toEqual([0]);
  });
});
