import type { ReactNode } from 'react';
import { clipText } from '../domain/clipText';
import type { EntityProfileAnswer } from '../domain/entityProfile';
import { formatInstant } from '../domain/formatDate';
import type { TimeZoneChoice } from '../domain/time';
import type { Entity } from '../domain/types';
import { Sparkline } from './Sparkline';
import './entityProfile.css';

interface Props {
  entity: Pick<Entity, 'name' | 'description' | 'aliases'>;
  profile: EntityProfileAnswer;
  tz: TimeZoneChoice;
  /** A co-actor chosen (the workspace includes it in the actor filter). */
  onPick(entityId: string): void;
  /** What the workspace adds between the dates and the co-actors (the file workspace's curation). */
  children?: ReactNode;
}

/**
 * An entity's profile as data, whichever engine answered it: description, aliases, a sparkline of its matching
 * events over the dataset's span, first and last seen, and the actors it appears with.
 */
export function EntityProfileCard({ entity: e, profile: p, tz, onPick, children }: Props) {
  return (
    <div className="cs-entity-profile">
      {e.description && <p>{e.description}</p>}
      {e.aliases.length > 0 && <p className="cs-muted">Also known as: {e.aliases.join(', ')}</p>}
      <Sparkline
        bins={p.bins}
        label={`${clipText(e.name, 300)}: ${p.count} matching events over the dataset's time span`}
      />
      {p.firstSeen !== undefined ? (
        <p>
          First seen {formatInstant(p.firstSeen, 'day', tz)}, last seen{' '}
          {formatInstant(p.lastSeen!, 'day', tz)}
        </p>
      ) : (
        <p className="cs-muted">No matching events.</p>
      )}
      {children}
      {p.coActors.length > 0 && (
        <>
          <p className="cs-muted">Appears with:</p>
          <ul className="cs-co-actors">
            {p.coActors.map((c) => (
              <li key={c.id}>
                <button type="button" className="cs-link-button" onClick={() => onPick(c.id)}>
                  {clipText(c.name, 300)}
                </button>{' '}
                <span className="cs-count">{c.count}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
