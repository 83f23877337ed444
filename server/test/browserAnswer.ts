import { buildIndex, type BuiltIndex } from '../../src/domain/buildIndex';
import { buildTextIndex, textMatcher } from '../../src/domain/textSearch';
import type { Dataset } from '../../src/domain/types';
import { answerView, type AnswerOptions, type ViewAnswer } from '../../src/domain/viewAnswer';
import type { ViewState } from '../../src/url/viewState';

export interface BrowserEngine {
  index: BuiltIndex;
  text: ReturnType<typeof textMatcher>;
}

export function browserEngine(dataset: Dataset): BrowserEngine {
  const index = buildIndex(dataset);
  return { index, text: textMatcher(index, buildTextIndex(index)) };
}

/** The browser engine's answer to a view state, in the API's shape (the differential test's reference). */
export function browserAnswer(
  { index, text }: BrowserEngine,
  view: ViewState,
  o: AnswerOptions,
): ViewAnswer {
  return answerView(index, text, view, o);
}
