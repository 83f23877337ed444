import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ServerError, type ServerFailureKind } from '../../data/page/serverApi';
import { problemStatus, ServerProblemPanel } from './ServerPanels';

function panel(kind: ServerFailureKind, message = 'The server said so.') {
  const props = {
    id: 'acled-2024',
    error: new ServerError(kind, message),
    onToken: vi.fn(),
    onRetry: vi.fn(),
    onDefault: vi.fn(),
  };
  render(<ServerProblemPanel {...props} />);
  return props;
}

describe('ServerProblemPanel', () => {
  it('says an unknown id is not found, and offers a way on', async () => {
    const p = panel('not-found');
    expect(screen.getByRole('alert', { name: 'Dataset not found' })).toHaveTextContent(
      'acled-2024',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Open the sample dataset' }));
    expect(p.onDefault).toHaveBeenCalled();
  });

  it('asks for a token and hands it over once typed', async () => {
    const p = panel('sign-in');
    expect(screen.queryByText(/did not accept/)).toBeNull();
    const field = screen.getByLabelText('Access token');
    expect(field).toHaveAttribute('type', 'password');
    await userEvent.type(field, '  a-token-0123456789  ');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(p.onToken).toHaveBeenCalledWith('a-token-0123456789');
  });

  it('says a wrong token was refused', () => {
    panel('wrong-token');
    expect(screen.getByRole('alert', { name: 'Sign in to this dataset' })).toBeInTheDocument();
    expect(screen.getByRole('alert', { name: '' })).toHaveTextContent(
      'The server did not accept this token. Check it and try again.',
    );
  });

  it('says the database is away and that it tries again', async () => {
    const p = panel('unavailable', 'The database is not reachable just now; try again shortly.');
    expect(
      screen.getByRole('status', { name: "The server's database is not reachable" }),
    ).toHaveTextContent(/not reachable just now.*tries again by itself/);
    await userEvent.click(screen.getByRole('button', { name: 'Try again now' }));
    expect(p.onRetry).toHaveBeenCalled();
  });

  it('says a static host has no server datasets', () => {
    panel('no-server');
    expect(screen.getByRole('alert', { name: 'No Chronoscope server here' })).toHaveTextContent(
      'server:acled-2024',
    );
  });

  it('has the status line say the same as the panel, not that the dataset could not be opened', () => {
    const status = (kind: ServerFailureKind) =>
      problemStatus('acled-2024', new ServerError(kind, 'x'));
    expect(status('sign-in')).toBe('Sign in to open acled-2024.');
    expect(status('wrong-token')).toBe('Sign in to open acled-2024.');
    expect(status('not-found')).toBe('No dataset acled-2024 here that you may read.');
    expect(status('unavailable')).toBe('Waiting for the server to open acled-2024…');
    expect(status('no-server')).toBe('No Chronoscope server here to open acled-2024.');
    expect(status('failed')).toBe('Could not open acled-2024.');
    expect(problemStatus('acled-2024', new TypeError('Failed to fetch'))).toBe(
      'Could not open acled-2024.',
    );
  });
});
