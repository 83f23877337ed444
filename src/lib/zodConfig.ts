import { z } from 'zod';

// Zod probes whether it may compile validators with `Function("")`. Under the app's CSP (no eval) that probe is
// refused and reported as a policy violation; jitless mode never tries. Imported first by the modules that bring
// zod in (the loader, in the worker or as the page's fallback, and saved views), which the page loads on demand.
z.config({ jitless: true });
