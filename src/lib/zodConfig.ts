import { z } from 'zod';

// Zod probes whether it may compile validators with `Function("")`. Under the app's CSP (no eval) that probe is
// refused and reported as a policy violation; jitless mode never tries. Imported first by the app and the worker.
z.config({ jitless: true });
