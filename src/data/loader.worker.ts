/// <reference lib="webworker" />
import '../lib/zodConfig';
import { fetchBytes } from './fetchBytes';
import { loadDataset } from './loadDataset';
import type { LoadRequest, LoaderMessage } from './loaderProtocol';

// Fetch, decode, parse and validate off the main thread; the page stays responsive while big files load.
const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (m: LoaderMessage) => scope.postMessage(m);

scope.onmessage = async (e: MessageEvent<LoadRequest>) => {
  const req = e.data;
  let bytes: Uint8Array;
  if (req.from === 'url') {
    const r = await fetchBytes(req.url, req.timeoutMs, (loaded, total) =>
      post({
        type: 'progress',
        progress: { phase: 'download', loaded, ...(total ? { total } : {}) },
      }),
    );
    if (!r.ok) return post({ type: 'done', outcome: r });
    bytes = r.bytes;
  } else {
    bytes = new Uint8Array(req.bytes);
  }
  post({
    type: 'progress',
    progress: { phase: 'parse', loaded: bytes.length, total: bytes.length },
  });
  post({ type: 'done', outcome: loadDataset(bytes, req.name, req.options) });
};
