import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ServerEventList } from './ServerEventList';

function list(props: { count: number; offset: number; rows?: number; scope?: 'all' | 'view' }) {
  const onPage = vi.fn();
  render(
    <ServerEventList
      rows={Array.from({ length: props.rows ?? 0 }, (_, k) => ({
        position: k,
        event: {
          id: `e${k}`,
          title: `Event ${k}`,
          start: Date.UTC(2024, 0, 1 + k),
          end: Date.UTC(2024, 0, 2 + k),
          precision: 'day',
          actors: [],
          tags: [],
          sources: [],
        } as never,
      }))}
      count={props.count}
      scope={props.scope ?? 'view'}
      total={500}
      inView={props.count}
      offset={props.offset}
      pageSize={100}
      sort={{ key: 'date', descending: false }}
      onSort={vi.fn()}
      onPage={onPage}
      names={new Map()}
      selected={undefined}
      tz="utc"
    />,
  );
  return onPage;
}

describe('ServerEventList', () => {
  it('names the page it shows and both scopes with their counts', () => {
    list({ count: 150, offset: 100, rows: 50 });
    expect(screen.getByText('Events 101–150 of 150')).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: /^All matches\s*\(500\)$/ })).not.toBeChecked();
    expect(screen.getByRole('radio', { name: /^In view\s*\(150\)$/ })).toBeChecked();
    expect(screen.getByRole('table', { name: 'Matching events in view' })).toBeInTheDocument();
  });

  it('says a page past the last (a pan In view left fewer matches), and Previous goes to the last page', async () => {
    const onPage = list({ count: 130, offset: 300 });
    expect(screen.getByText('Past the last of 130 events')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Next page' })).toBeDisabled();
    await userEvent.click(screen.getByRole('button', { name: 'Previous page' }));
    expect(onPage).toHaveBeenCalledWith(100);
  });
});
