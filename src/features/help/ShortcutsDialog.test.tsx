import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ShortcutsDialog, type ShortcutLine } from './ShortcutsDialog';

const KEYMAP: ShortcutLine[] = [
  { show: '/', description: 'Focus the search box' },
  { show: 'j / k', description: 'Next / previous event' },
  { show: '?', description: 'Show these shortcuts' },
];

describe('ShortcutsDialog', () => {
  it('lists every shortcut it is given with its key and what it does', () => {
    render(<ShortcutsDialog open onClose={() => {}} shortcuts={KEYMAP} />);
    const table = screen.getByRole('table', { name: 'Keyboard shortcuts', hidden: true });
    const rows = within(table).getAllByRole('row', { hidden: true });
    expect(rows).toHaveLength(KEYMAP.length);
    rows.forEach((row, i) => {
      expect(within(row).getByRole('rowheader', { hidden: true })).toHaveTextContent(
        KEYMAP[i]!.show,
      );
      expect(row).toHaveTextContent(KEYMAP[i]!.description);
    });
  });

  it("closes on the dialog's cancel, which Escape sends", () => {
    const onClose = vi.fn();
    render(<ShortcutsDialog open onClose={onClose} shortcuts={KEYMAP} />);
    const notPrevented = fireEvent(
      screen.getByRole('dialog', { hidden: true }),
      new Event('cancel', { cancelable: true }),
    );
    expect(onClose).toHaveBeenCalledOnce();
    expect(notPrevented).toBe(false); // the app closes it, so that focus goes back where it came from
  });
});

describe('ShortcutsDialog on a dataset where some shortcuts do not work', () => {
  it('lists those apart, saying why, and not among the working ones', () => {
    render(
      <ShortcutsDialog
        open
        onClose={() => {}}
        shortcuts={[KEYMAP[0]!, KEYMAP[2]!]}
        unavailable={{ why: 'Not on server datasets yet:', shortcuts: [KEYMAP[1]!] }}
      />,
    );
    const working = screen.getByRole('table', { name: 'Keyboard shortcuts', hidden: true });
    expect(working).not.toHaveTextContent('j / k');
    const not = screen.getByRole('table', { name: 'Shortcuts not available here', hidden: true });
    expect(within(not).getAllByRole('row', { hidden: true })).toHaveLength(1);
    expect(not).toHaveTextContent('j / k');
    expect(screen.getByText('Not on server datasets yet:')).toBeInTheDocument();
  });
});
