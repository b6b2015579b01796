// Who is deciding or exporting: a named person, never the OS account ("root" on a shared server
// says nothing to Bawaslu). --as, else NETRAL_REVIEWER, else "reviewer" in the user's netral
// config file ($NETRAL_CONFIG, or $XDG_CONFIG_HOME/netral/config.json, or ~/.config/netral/config.json).
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { NetralError } from '../errors.js';
import { storeMessages as m } from '../i18n/store.js';

const UserConfig = z.object({ reviewer: z.string().trim().min(1).optional() }).passthrough();

export function userConfigPath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.NETRAL_CONFIG) return env.NETRAL_CONFIG;
  const base = env.XDG_CONFIG_HOME || join(homedir(), '.config');
  return join(base, 'netral', 'config.json');
}

/** The reviewer named in the user config, if the file exists; a malformed file is an error. */
function configuredReviewer(env: NodeJS.ProcessEnv): string | undefined {
  const path = userConfigPath(env);
  if (!existsSync(path)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new NetralError(m.configBad, { path, detail: err instanceof Error ? err.message : String(err) }, 2);
  }
  const config = UserConfig.safeParse(parsed);
  if (!config.success) throw new NetralError(m.configBad, { path, detail: config.error.issues[0]?.message ?? 'invalid' }, 2);
  return config.data.reviewer;
}

/** The named person, or undefined when none is configured anywhere. */
export function namedActor(as: string | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
  return as?.trim() || env.NETRAL_REVIEWER?.trim() || configuredReviewer(env);
}

/** A review decision needs a named reviewer: without one, one clear line and exit 2. */
export function requireReviewer(as: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const name = namedActor(as, env);
  if (!name) throw new NetralError(m.reviewerMissing, { config: userConfigPath(env) }, 2);
  return name;
}
