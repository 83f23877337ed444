import { useEntityProfile } from '../../data/page/useEngineQueries';
import { useViewEngine } from '../../data/page/viewEngine';
import type { TimeZoneChoice } from '../../domain/time';
import type { Entity } from '../../domain/types';
import { EntityProfileCard } from '../../ui/EntityProfileCard';
import { updateView } from '../../url/useViewState';
import { toggleIncludedActor } from '../../url/viewState';

/**
 * A server dataset's entity profile, asked of its engine under the view's filters (`view`, serialised without the
 * window): the file workspace's profile, from the server's answer.
 */
export function ServerEntityProfile({
  entity,
  view,
  tz,
}: {
  entity: Entity;
  view: string;
  tz: TimeZoneChoice;
}) {
  const engine = useViewEngine();
  const q = useEntityProfile(engine, view, entity.id);
  if (q.data)
    return (
      <EntityProfileCard
        entity={entity}
        profile={q.data}
        tz={tz}
        onPick={(id) => updateView((s) => toggleIncludedActor(s, id))}
      />
    );
  return (
    <p className="cs-muted cs-server-profile-note" role={q.isError ? 'alert' : undefined}>
      {q.isError
        ? q.error instanceof Error
          ? q.error.message
          : 'The profile could not be read.'
        : q.isSuccess
          ? 'This entity is not in the dataset any more.'
          : 'Asking the server for the profile…'}
    </p>
  );
}
