// Preloaded with `node --import` by test/cli/startup.test.ts: every module the process loads is
// appended to the file named by NETRAL_MODULE_LOG (the hooks run in their own thread).
import { register } from 'node:module';

register('./module-log-hooks.mjs', import.meta.url);
