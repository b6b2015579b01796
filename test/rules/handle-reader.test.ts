// Names inside liked, followed and joined handles and page names (issue 11, stop 50): the split a
// handle is read by, the confidence an everyday word needs, and the readings end to end through
// the real export layouts (Facebook page likes and follows, Instagram following, TikTok
// following, an X following with a profile link). Handles and page names are invented.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRulePack, type RulePack } from '../../src/rules/pack.js';
import { certainlyClean, evaluate } from '../../src/rules/evaluate.js';
import { DEFAULT_LIMITS } from '../../src/limits.js';
import { handleScope, piecesText, readHandles, type HandleScope } from '../../src/rules/handle-reader.js';
import { electionsInForce } from '../../src/rules/registry.js';
import { targetString } from '../../src/model/field-texts.js';
import { activityTime, makeItem, type Item } from '../../src/model/item.js';
import { fieldTexts } from '../../src/model/field-texts.js';
import { ALL_ADAPTERS } from '../../src/ingest/adapters.js';
import { collect, tempDir } from '../ingest/helpers-core.js';

let pack: RulePack;
beforeAll(async () => {
  pack = await loadRulePack();
}, 120_000);

const SUKAMAJU = '3299';
const PILKADA_TIME = '2024-10-20T05:00:00Z';
const PILPRES_TIME = '2024-01-10T05:00:00Z';

/** the scope of the subject's own races at `time` (the Pilpres and the Sukamaju Pilkada) */
function scopeAt(time: string, region = SUKAMAJU): HandleScope {
  const own = [...electionsInForce(pack.registry, time)].filter((e) => e.level === 'pilpres' || e.regionCode === region);
  return handleScope(own, region, (list) => pack.registry.terms.filter((t) => t.list === list), pack.handleWords);
}

/** pair id, the split and how it was confirmed, for each reading of a target */
function read(target: Item['target'] & object, time = PILKADA_TIME): Array<[string, string, string]> {
  return readHandles(targetString(target), scopeAt(time)).map((r) => [r.pair.id, piecesText(r), r.confirmedBy]);
}

describe('splitting a handle or page name', () => {
  it('splits at separators, digits, camel case and glued known words', () => {
    expect(read({ handle: 'relawanbude.official' })).toEqual([['pilkada-2024-3299-02', 'relawan · bude · official', 'team']]);
    expect(read({ handle: 'sobat_bude2024' })).toEqual([['pilkada-2024-3299-02', 'sobat · bude · 2024', 'team']]);
    expect(read({ handle: 'cakiminnow' }, PILPRES_TIME)).toEqual([['pilpres-2024-01', 'cakimin · now', 'full-name']]);
    expect(read({ handle: 'desakanies' }, PILPRES_TIME)).toEqual([['pilpres-2024-01', 'desak · anies', 'full-name']]);
    expect(read({ name: 'Ganjarist Banyumas Raya' }, PILPRES_TIME)).toEqual([['pilpres-2024-03', 'ganjar · ist · banyumas · raya', 'full-name']]);
    // camel case: a blend written with its capitals stays one name; parts no glued word explains are cut at the capitals
    expect(read({ handle: 'SobatBuDe' })).toEqual([['pilkada-2024-3299-02', 'sobat · bude', 'team']]);
    expect(read({ name: 'RelawanKangYusuf' })).toEqual([['pilkada-2024-3299-03', 'relawan · kang · yusuf', 'team']]);
  });

  it('confirms an everyday word or a blend by the region, the year or the ballot number', () => {
    expect(read({ handle: 'bude.sukamaju2024' })).toEqual([['pilkada-2024-3299-02', 'bude · sukamaju · 2024', 'region']]);
    expect(read({ handle: 'yura2024' })).toEqual([['pilkada-2024-3299-03', 'yura · 2024', 'year']]);
    expect(read({ handle: 'bude_02' })).toEqual([['pilkada-2024-3299-02', 'bude · 02', 'number']]);
    expect(read({ name: 'Gibran Center Jawa Barat' }, PILPRES_TIME)).toEqual([['pilpres-2024-02', 'gibran · center · jawa · barat', 'fan-place']]);
  });

  it('reads no everyday word or given name alone, and no page of a body, an outlet or a shop', () => {
    for (const handle of ['bude_sri88', 'bude.official', 'abah.official', 'gibran2024', 'fauzi.sukamaju', 'bude.catering.sukamaju', 'kpu.sukamaju2024', 'humas.pemkab.bude', 'techcompanies', 'budiman.sukamaju', 'timur.bude']) {
      expect(read({ handle }, handle.startsWith('gibran') || handle.startsWith('abah') ? PILPRES_TIME : PILKADA_TIME), handle).toEqual([]);
    }
    // a page name typed with spaces: the everyday word is the word unless a team word stands beside it
    expect(read({ name: 'Bude Lovers Sukamaju' })).toEqual([]);
    expect(read({ name: 'Relawan Kader Bu Siti Cibiru' })).toEqual([]);
    expect(read({ name: 'Sobat Bude Sukamaju' })).toEqual([['pilkada-2024-3299-02', 'sobat · bude · sukamaju', 'team']]);
  });

  it('reads only the subject\'s own races', () => {
    // the Sukamaju blend for a subject of another region is nobody's
    const other = [...electionsInForce(pack.registry, PILKADA_TIME)].filter((e) => e.level === 'pilpres');
    const scope = handleScope(other, '3273', (list) => pack.registry.terms.filter((t) => t.list === list), pack.handleWords);
    expect(readHandles(targetString({ handle: 'relawan.bude' }), scope)).toEqual([]);
  });

  it('takes its fixed pieces from the pack\'s lexicons, each word of one kind only', () => {
    const kinds = Object.entries(pack.handleWords);
    expect(kinds.map(([k]) => k).sort()).toEqual(['ballot', 'chapter', 'fan', 'filler', 'stop', 'team']);
    for (const [kind, words] of kinds) expect(words.size, kind).toBeGreaterThan(0);
    const seen = new Map<string, string>();
    for (const [kind, words] of kinds) for (const w of words) {
      expect(seen.get(w), `${w} is both ${seen.get(w)} and ${kind}`).toBeUndefined();
      seen.set(w, kind);
    }
    // a word the lexicon lacks is no piece: the same handle read with an empty stop list names the pair
    const noStops = { ...pack.handleWords, stop: new Set<string>() };
    const own = [...electionsInForce(pack.registry, PILKADA_TIME)].filter((e) => e.level === 'pilpres' || e.regionCode === SUKAMAJU);
    const scope = handleScope(own, SUKAMAJU, (list) => pack.registry.terms.filter((t) => t.list === list), noStops);
    expect(read({ handle: 'relawan.bude.catering' })).toEqual([]);
    expect(readHandles(targetString({ handle: 'relawan.bude.catering' }), scope).map((r) => r.pair.id)).toEqual(['pilkada-2024-3299-02']);
  });

  it('reads a profile link\'s handle, never an article\'s slug', () => {
    expect(read({ url: 'https://www.instagram.com/sobat.bude/' }).map((r) => r[1])).toEqual(['sobat · bude']);
    expect(read({ name: 'Kompas TV', url: 'https://www.kompas.tv/nasional/2024/01/09/prabowo-gibran-kampanye-di-bandung' }, PILPRES_TIME)).toEqual([]);
  });
});

/** findings of every item of an export folder, with the subject's region */
async function findingsOf(root: string): Promise<Array<{ target: string; rules: string[]; pairs: string[]; explanation: string }>> {
  const { items } = await collect([root], {}, ALL_ADAPTERS);
  return items
    .filter((i) => i.kind === 'follow' || i.kind === 'reaction' || i.kind === 'membership')
    .map((item) => {
      const fs = evaluate(pack, item, { region: SUKAMAJU });
      return { target: item.target?.handle ?? item.target?.name ?? item.target?.url ?? '', rules: fs.map((f) => f.ruleId), pairs: [...new Set(fs.flatMap((f) => f.candidates.map((c) => c.pair)))], explanation: fs.map((f) => f.explanation.id).join(' ') };
    });
}

function write(root: string, path: string, body: unknown): void {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), typeof body === 'string' ? body : JSON.stringify(body, null, 2));
}

describe('handles through the export adapters', () => {
  it('Facebook page likes, follows and groups joined: a team page by its glued name, not a shop or the KPU', async () => {
    const root = join(tempDir(), 'facebook-rina.guru-2024-12-01-Ab3De');
    write(root, "your_facebook_activity/pages/pages_you've_liked.json", {
      page_likes_v2: [
        { name: 'Gibran Center Jawa Barat', timestamp: 1704870000, url: 'https://www.facebook.com/gibrancenterjabar' },
        { name: 'Bude Catering Sukamaju', timestamp: 1729400000, url: 'https://www.facebook.com/budecateringsukamaju' },
      ],
    });
    write(root, 'your_facebook_activity/pages/pages_and_profiles_you_follow.json', {
      pages_followed_v2: [
        { timestamp: 1729400000, title: 'relawanbude.official', data: [{ name: 'relawanbude.official' }] },
        { timestamp: 1729400000, title: 'KPU Kabupaten Sukamaju', data: [{ name: 'KPU Kabupaten Sukamaju' }] },
      ],
    });
    write(root, 'your_facebook_activity/groups/your_group_membership_activity.json', {
      groups_joined_v2: [{ timestamp: 1704870000, title: 'Anda menjadi anggota Ganjarist Banyumas Raya.', data: [{ name: 'Ganjarist Banyumas Raya' }] }],
    });
    const found = await findingsOf(root);
    const by = (t: string) => found.find((f) => f.target.includes(t));
    expect(by('Gibran Center')?.pairs).toEqual(['pilpres-2024-02']);
    expect(by('relawanbude')?.pairs).toEqual(['pilkada-2024-3299-02']);
    expect(by('relawanbude')?.explanation).toContain('relawan · bude · official');
    expect(by('Ganjarist')?.rules).toContain('sk-gabung-grup-paslon');
    expect(by('Bude Catering')?.rules).toEqual([]);
    expect(by('KPU Kabupaten')?.rules).toEqual([]);
  });

  it('Instagram following: the blend with the region or a team word, not an aunt\'s account', async () => {
    const root = join(tempDir(), 'instagram-rina.guru-20241201');
    const entry = (value: string, timestamp: number) => ({ title: '', media_list_data: [], string_list_data: [{ href: `https://www.instagram.com/${value}`, value, timestamp }] });
    write(root, 'connections/followers_and_following/following.json', {
      relationships_following: [entry('sobat_bude2024', 1729400000), entry('yura.sukamaju', 1729400000), entry('bude_sri88', 1729400000)],
    });
    const found = await findingsOf(root);
    expect(found.map((f) => [f.target, f.pairs])).toEqual([
      ['sobat_bude2024', ['pilkada-2024-3299-02']],
      ['yura.sukamaju', ['pilkada-2024-3299-03']],
      ['bude_sri88', []],
    ]);
  });

  it('TikTok following: a running mate\'s short name glued to a word of the handle\'s own', async () => {
    const root = join(tempDir(), 'tiktok-aldi.guru');
    write(root, 'user_data_tiktok.json', {
      'Your Activity': { Following: { Following: [{ Date: '2023-11-29 13:12:00', UserName: 'cakiminnow' }, { Date: '2023-11-29 13:14:00', UserName: 'gibran2024' }] } },
    });
    const found = await findingsOf(root);
    expect(found.map((f) => [f.target, f.pairs])).toEqual([
      ['cakiminnow', ['pilpres-2024-01']],
      ['gibran2024', []],
    ]);
  });

  it('X following: a profile link carries the handle, an intent link none', async () => {
    const root = join(tempDir(), 'twitter-2024-12-01-rina_guru');
    write(root, 'data/following.js', `window.YTD.following.part0 = ${JSON.stringify([
      { following: { accountId: '1400000000000000101', userLink: 'https://twitter.com/relawan_yura' } },
      { following: { accountId: '1400000000000000102', userLink: 'https://twitter.com/intent/user?user_id=1400000000000000102' } },
    ])}`);
    write(root, 'data/account.js', `window.YTD.account.part0 = ${JSON.stringify([{ account: { username: 'rina_guru', accountId: '1', createdAt: '2015-01-01T00:00:00.000Z' } }])}`);
    const found = await findingsOf(root);
    // X following records no time: the item is read against every election, the pair still the subject's own race's
    expect(found.map((f) => f.pairs)).toEqual([['pilkada-2024-3299-03'], []]);
  });
});

describe('a handle read for a rule', () => {
  const follow = (target: Item['target'] & object, time = PILKADA_TIME) => makeItem({ platform: 'instagram', kind: 'follow', time, target, source: { captureId: 't', path: 't', pointer: '1' } });

  it('says how the handle was split and which piece matched', () => {
    const [f] = evaluate(pack, follow({ handle: 'bude.sukamaju2024' }), { region: SUKAMAJU });
    expect(f?.ruleId).toBe('t1-suka-halaman-paslon');
    expect(f?.explanation.id).toContain('dibaca per bagian: bude · sukamaju · 2024; “bude” = Budi Hartono – Dewi Lestari (02), dikuatkan nama wilayahnya “sukamaju”');
    expect(f?.explanation.en).toContain('is read in pieces: bude · sukamaju · 2024');
  });

  it('files a team word in a handle as the volunteer-page form merged into the like, the official account as the like alone', () => {
    const team = evaluate(pack, follow({ handle: 'relawan.yura' }), { region: SUKAMAJU });
    expect(team.map((f) => f.ruleId)).toEqual(['t1-suka-halaman-paslon']);
    expect(team[0]?.explanation.en).toContain('sk-suka-halaman-relawan');
  });

  it('keeps a follow whose handle names a pair out of the clean-item gate, and lets a handle of no name through', () => {
    const clean = (item: Item) => certainlyClean(pack, item.kind, fieldTexts(item), activityTime(item), SUKAMAJU, DEFAULT_LIMITS.textWindow);
    // "sobatbude" is one token to the one-pass matcher: only the handle reader opens a rule on it
    expect(clean(follow({ handle: 'sobatbude.sukamaju' }))).toBe(false);
    expect(evaluate(pack, follow({ handle: 'sobatbude.sukamaju' }), { region: SUKAMAJU }).map((f) => f.ruleId)).toEqual(['t1-suka-halaman-paslon']);
    expect(clean(follow({ handle: 'kebun.sayur88' }))).toBe(true);
  });
});
