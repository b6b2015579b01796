// Election selection: which contest an item speaks of. In 2024 the presidential and the regional
// watch windows overlap (May – October), and a bare ballot number or hand sign ("tribun
// pendukung 02", "salam dua jari") is a pair of every ballot in force. Words that name the
// contest — "calon bupati", "cabup", "pilkada" (lexicon sebutan-pilkada) or "capres", "pilpres"
// (sebutan-pilpres) — in the item or in the thread it is read with select the election: a pair
// reached only through its number or hand sign is kept only when its election is of the kind
// named. Pairs named by identity (a name, a hashtag, an account) always stay.
import type { CandidateRef } from '../model/finding.js';
import { voteAhead, type Election } from './registry.js';
import { ENGINE_LEXICONS, type RulePack, type TermOwner } from './pack.js';
import type { TermHit } from '../text/matcher.js';

export type ElectionKind = 'pilpres' | 'pilkada';

export function kindOfElection(e: Pick<Election, 'level'>): ElectionKind {
  return e.level === 'pilpres' ? 'pilpres' : 'pilkada';
}

/** The kinds of contest the hits name (empty: none named). */
export function namedKinds(fields: ReadonlyArray<{ hits: ReadonlyArray<TermHit<TermOwner>> }>): Set<ElectionKind> {
  const kinds = new Set<ElectionKind>();
  for (const f of fields) {
    for (const h of f.hits) {
      for (const o of h.owners) {
        if (o.type !== 'cue') continue;
        if (o.lexicon === ENGINE_LEXICONS.pilkadaWords) kinds.add('pilkada');
        else if (o.lexicon === ENGINE_LEXICONS.pilpresWords) kinds.add('pilpres');
      }
    }
  }
  return kinds;
}

const kindById = new WeakMap<RulePack, Map<string, ElectionKind>>();
const electionById = new WeakMap<RulePack, Map<string, Election>>();

/** The pack's elections by id, built once per pack (the choice below runs per item). */
function electionsById(pack: RulePack): Map<string, Election> {
  let byId = electionById.get(pack);
  if (!byId) {
    byId = new Map(pack.registry.elections.map((e) => [e.id, e] as const));
    electionById.set(pack, byId);
  }
  return byId;
}

/**
 * Keep, of the candidates reached only by a number or hand sign, those whose election is of the
 * one kind of contest the item names; with no kind or both kinds named, all of them. Candidates of
 * elections named by identity (`identityElections`) always stay.
 */
export function selectByKind(pack: RulePack, candidates: CandidateRef[], kinds: ReadonlySet<ElectionKind>, identityElections: ReadonlySet<string>): CandidateRef[] {
  if (kinds.size !== 1 || candidates.length === 0) return candidates;
  const [wanted] = kinds;
  let byId = kindById.get(pack);
  if (!byId) {
    byId = new Map(pack.registry.elections.map((e) => [e.id, kindOfElection(e)]));
    kindById.set(pack, byId);
  }
  const index = byId;
  return candidates.filter((c) => identityElections.has(c.election) || index.get(c.election) === wanted);
}

/**
 * With no contest named (or both), a pair reached only by its number or hand sign in a stretch
 * where two ballots are in force (2024: the presidential watch runs to the inauguration on 20
 * October, the regional numbers are drawn on 23 September) names the ballot whose number exists
 * and whose vote is still ahead: "02 wae" on 1 October is the Pilkada's 02, not the elected
 * president's. A number exists from its draw; before a ballot's draw its number names nothing.
 * Candidates of elections named by identity always stay, and the choice never empties the list.
 */
export function selectByBallotTime(pack: RulePack, candidates: CandidateRef[], kinds: ReadonlySet<ElectionKind>, identityElections: ReadonlySet<string>, time: number): CandidateRef[] {
  if (kinds.size === 1 || Number.isNaN(time)) return candidates;
  const byNumber = candidates.filter((c) => !identityElections.has(c.election));
  if (new Set(byNumber.map((c) => c.election)).size < 2) return candidates;
  const elections = electionsById(pack);
  const drawn = byNumber.filter((c) => (elections.get(c.election)?.numberDraw ?? 0) <= time);
  const ahead = drawn.filter((c) => {
    const e = elections.get(c.election);
    return e !== undefined && voteAhead(e, time, c.pair);
  });
  const kept = ahead.length > 0 ? ahead : drawn;
  if (kept.length === 0 || kept.length === byNumber.length) return candidates;
  const keep = new Set(kept);
  return candidates.filter((c) => identityElections.has(c.election) || keep.has(c));
}
