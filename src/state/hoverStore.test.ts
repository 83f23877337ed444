import { useHover } from './hoverStore';

describe('the shared hover', () => {
  beforeEach(() => useHover.setState({ position: undefined, source: undefined }));

  it('holds the event the pointer rests on, and the view it rests in', () => {
    useHover.getState().hover(7, 'map');
    expect(useHover.getState()).toMatchObject({ position: 7, source: 'map' });
  });

  it('is cleared only by the view that set it', () => {
    useHover.getState().hover(7, 'map');
    useHover.getState().hover(undefined, 'timeline');
    expect(useHover.getState().position).toBe(7);
    useHover.getState().hover(undefined, 'map');
    expect(useHover.getState().position).toBeUndefined();
  });
});
