// The load hook of module-log.mjs: one line per loaded module URL.
import { appendFileSync } from 'node:fs';

export async function load(url, context, next) {
  if (process.env.NETRAL_MODULE_LOG) appendFileSync(process.env.NETRAL_MODULE_LOG, `${url}\n`);
  return next(url, context);
}
