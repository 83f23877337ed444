import { useState, type ReactNode } from 'react';
import { ServerError } from '../../data/page/serverApi';
import './server.css';

interface PanelProps {
  title: string;
  children: ReactNode;
  role?: 'alert' | 'status';
}

function Panel({ title, children, role = 'alert' }: PanelProps) {
  return (
    <section className="cs-load-error cs-server-panel" role={role} aria-label={title}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}

interface Props {
  id: string;
  error: unknown;
  /** The analyst gave a token: keep it for this tab and ask again. */
  onToken(token: string): void;
  onRetry(): void;
  onDefault(): void;
  /** The Datasets menu, so there is a way on from every panel. */
  children?: ReactNode;
}

/** The header's status line for a dataset the panel below explains (the same words as the panel's title). */
export function problemStatus(id: string, error: unknown): string {
  switch (error instanceof ServerError ? error.kind : 'failed') {
    case 'sign-in':
    case 'wrong-token':
      return `Sign in to open ${id}.`;
    case 'not-found':
      return `No dataset ${id} here that you may read.`;
    case 'unavailable':
    case 'rate-limited':
      return `Waiting for the server to open ${id}…`;
    case 'no-server':
      return `No Chronoscope server here to open ${id}.`;
    default:
      return `Could not open ${id}.`;
  }
}

/** Why a server dataset is not on screen: not found, needs a token, a wrong token, the database away. */
export function ServerProblemPanel({ id, error, onToken, onRetry, onDefault, children }: Props) {
  const kind = error instanceof ServerError ? error.kind : 'failed';
  const message = error instanceof Error ? error.message : String(error);
  const onwards = (
    <div className="cs-row">
      <button type="button" onClick={onDefault}>
        Open the sample dataset
      </button>
      {children}
    </div>
  );
  switch (kind) {
    case 'sign-in':
    case 'wrong-token':
      return (
        <Panel title="Sign in to this dataset">
          <SignInForm id={id} wrong={kind === 'wrong-token'} onToken={onToken} />
          {onwards}
        </Panel>
      );
    case 'not-found':
      return (
        <Panel title="Dataset not found">
          <p>
            This server has no dataset <code>{id}</code> that you may read. Check the link, or pick
            one of the server&apos;s datasets.
          </p>
          {onwards}
        </Panel>
      );
    case 'unavailable':
    case 'rate-limited':
      return (
        <Panel title="The server's database is not reachable" role="status">
          <p>{message} Chronoscope tries again by itself.</p>
          <div className="cs-row">
            <button type="button" onClick={onRetry}>
              Try again now
            </button>
          </div>
        </Panel>
      );
    case 'no-server':
      return (
        <Panel title="No Chronoscope server here">
          <p>
            <code>server:{id}</code> names a dataset of the Chronoscope server that served this
            page, and this page was served by a static host. Open the link on the team&apos;s
            server.
          </p>
          {onwards}
        </Panel>
      );
    default:
      return (
        <Panel title={`Could not open ${id}`}>
          <p>{message}</p>
          <div className="cs-row">
            <button type="button" onClick={onRetry}>
              Retry
            </button>
          </div>
          {onwards}
        </Panel>
      );
  }
}

/** Asks for the operator's token once; it is kept in this tab's session storage, never in the link. */
function SignInForm({
  id,
  wrong,
  onToken,
}: {
  id: string;
  wrong: boolean;
  onToken(token: string): void;
}) {
  const [token, setToken] = useState('');
  return (
    <form
      className="cs-sign-in"
      onSubmit={(e) => {
        e.preventDefault();
        const t = token.trim();
        if (t) onToken(t);
      }}
    >
      <p>
        <code>{id}</code> is private, or not on this server: a token from the server&apos;s operator
        opens it. It is kept for this browser tab only and sent only to this server.
      </p>
      {wrong && (
        <p role="alert" className="cs-field-error">
          The server did not accept this token. Check it and try again.
        </p>
      )}
      <label>
        Access token
        <input
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={token}
          onChange={(e) => setToken(e.target.value)}
        />
      </label>
      <button type="submit">Sign in</button>
    </form>
  );
}
