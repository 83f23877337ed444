import { useState } from 'react';
import { useUi } from '../../state/uiStore';
import { saveMapPng, saveTimelinePng, type ImageSubject } from './imageExports';

/**
 * The export menus' image items: the timeline as a PNG (its caption from `subject`, read when chosen) and, with
 * the map open, the map. Either workspace's menu.
 */
export function ImageExportItems({
  subject,
  geo,
  onChoose,
}: {
  subject: () => ImageSubject;
  geo: boolean;
  /** Closes the menu. */
  onChoose(): void;
}) {
  const say = useUi((s) => s.say);
  const [drawing, setDrawing] = useState(false);
  const timeline = async () => {
    onChoose();
    setDrawing(true);
    try {
      await saveTimelinePng(subject(), say);
    } finally {
      setDrawing(false);
    }
  };
  return (
    <>
      <li>
        <button type="button" disabled={drawing} onClick={() => void timeline()}>
          {drawing ? 'Drawing the timeline…' : 'Timeline as PNG image'}
        </button>
      </li>
      {geo && (
        <li>
          <button
            type="button"
            onClick={() => {
              onChoose();
              void saveMapPng(subject().title, say);
            }}
          >
            Map as PNG image
          </button>
        </li>
      )}
    </>
  );
}
