// Preloaded with `node --import` by test/cli/startup.test.ts: every module the process loads is
// appended to the file named by NETRAL_MODULE_LOG (the hooks run in their own thread). Modules
// loaded with require() (a CommonJS package, or an ES module required synchronously) do not pass
// those hooks on Node 20: they are logged here, from the main thread.
import { appendFileSync } from 'node:fs';
import Module, { register } from 'node:module';
import { pathToFileURL } from 'node:url';

register('./module-log-hooks.mjs', import.meta.url);

const load = Module._load;
Module._load = function logged(request, parent, isMain) {
  const exports = load.call(this, request, parent, isMain);
  if (process.env.NETRAL_MODULE_LOG) {
    let file = request;
    try {
      file = pathToFileURL(Module._resolveFilename(request, parent, isMain)).href;
    } catch {
      // a built-in (node:fs) or an unresolvable request: logged as asked
    }
    appendFileSync(process.env.NETRAL_MODULE_LOG, `${file}\n`);
  }
  return exports;
};
