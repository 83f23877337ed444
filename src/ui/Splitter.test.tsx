import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { Splitter } from './Splitter';

function splitter(value: number) {
  const onChange = vi.fn();
  const onToggle = vi.fn();
  render(
    <Splitter
      label="Resize the event list"
      controls="list"
      value={value}
      min={15}
      max={70}
      step={5}
      onChange={onChange}
      onToggle={onToggle}
      area={() => ({ top: 0, bottom: 100 })}
    />,
  );
  return {
    onChange,
    onToggle,
    el: screen.getByRole('separator', { name: 'Resize the event list' }),
  };
}

describe('Splitter', () => {
  it('says where it is', () => {
    const { el } = splitter(34);
    expect(el.getAttribute('aria-valuenow')).toBe('34');
    expect(el.getAttribute('aria-valuemin')).toBe('15');
    expect(el.getAttribute('aria-valuemax')).toBe('70');
    expect(el.getAttribute('aria-orientation')).toBe('horizontal');
    expect(el.tabIndex).toBe(0);
  });

  it.each([
    ['ArrowUp', 34, 39],
    ['ArrowDown', 34, 29],
    ['ArrowDown', 17, 15],
    ['ArrowUp', 68, 70],
    ['Home', 34, 15],
    ['End', 34, 70],
  ])('%s from %i sets %i', (key, from, to) => {
    const { el, onChange } = splitter(from);
    fireEvent.keyDown(el, { key });
    expect(onChange).toHaveBeenCalledWith(to);
  });

  it('Enter folds the panel; other keys do nothing', () => {
    const { el, onChange, onToggle } = splitter(34);
    fireEvent.keyDown(el, { key: 'a' });
    expect(onChange).not.toHaveBeenCalled();
    fireEvent.keyDown(el, { key: 'Enter' });
    expect(onToggle).toHaveBeenCalledOnce();
  });
});
