import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ServerMetadata } from '../../data/page/serverApi';
import { useUi } from '../../state/uiStore';
import { DEFAULT_VIEW } from '../../url/viewState';
import { ServerExportMenu } from './ServerExportMenu';

const exportServerView = vi.fn();
vi.mock('../../data/page/serverExport', () => ({
  exportServerView: (...args: unknown[]) => exportServerView(...args) as unknown,
}));
const downloadBlob = vi.fn();
vi.mock('../../ui/download', () => ({
  downloadBlob: (...args: unknown[]) => downloadBlob(...args) as unknown,
}));

const META: ServerMetadata = {
  id: 'ucdp',
  title: 'UCDP on the server',
  eventCount: 10,
  periods: [],
  entities: [],
  public: true,
};

afterEach(() => {
  exportServerView.mockReset();
  downloadBlob.mockReset();
});

const said = () => useUi.getState().toast;

describe('ServerExportMenu', () => {
  it("exports the view's filters (not its window or selection) and says how many events it wrote", async () => {
    exportServerView.mockResolvedValue({ blob: new Blob(['x']), count: 12, more: false });
    render(
      <ServerExportMenu
        meta={META}
        view={{ ...DEFAULT_VIEW, types: ['battle'], from: 0, to: 1000, event: 'e1' }}
      />,
    );
    await userEvent.click(screen.getByText('Export'));
    await userEvent.click(screen.getByRole('button', { name: 'Matching events as CSV' }));
    await vi.waitFor(() => expect(downloadBlob).toHaveBeenCalled());
    const [, filters, format] = exportServerView.mock.calls[0]! as [unknown, string, string];
    expect(filters).toContain('type=battle');
    expect(filters).not.toMatch(/from=|to=|event=/);
    expect(format).toBe('csv');
    expect(downloadBlob.mock.calls[0]![0]).toMatch(/^ucdp-on-the-server-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(said()).toBe('Exported 12 events as CSV.');
  });

  it('says when the server stopped at its limit, and what to do for the rest', async () => {
    exportServerView.mockResolvedValue({ blob: new Blob(['x']), count: 1_000_000, more: true });
    render(<ServerExportMenu meta={META} view={DEFAULT_VIEW} />);
    await userEvent.click(screen.getByText('Export'));
    await userEvent.click(screen.getByRole('button', { name: 'Matching events as JSON Lines' }));
    await vi.waitFor(() => expect(downloadBlob).toHaveBeenCalled());
    expect(said()).toMatch(
      /^Exported the first 1,000,000 matching events in time order as JSON Lines/,
    );
    expect(said()).toMatch(/Narrow the filters/);
  });

  it('shows its progress while it runs, and can be cancelled', async () => {
    let progress: (n: number) => void = () => {};
    exportServerView.mockImplementation(
      (_m, _f, _fmt, _p, onProgress: (n: number) => void, signal: AbortSignal) =>
        new Promise((_, reject) => {
          progress = onProgress;
          signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        }),
    );
    render(<ServerExportMenu meta={META} view={DEFAULT_VIEW} />);
    await userEvent.click(screen.getByText('Export'));
    await userEvent.click(
      screen.getByRole('button', { name: 'Matching events as Chronoscope JSON' }),
    );
    await vi.waitFor(() => expect(exportServerView).toHaveBeenCalled());
    act(() => progress(4000));
    expect(screen.getByRole('status')).toHaveTextContent(
      'Exporting as Chronoscope JSON: 4,000 events so far.',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Cancel the export' }));
    await vi.waitFor(() => expect(said()).toBe('Export cancelled.'));
    expect(downloadBlob).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Matching events as CSV' })).toBeInTheDocument();
  });
});
