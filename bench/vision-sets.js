// npm run bench:vision-sets [-- <folder> ...]: each labelled photo folder (a labels.json beside
// the photos: file, prohibition, signals.ocr) scanned from outside, as a user would, with
// `netral scan <folder> --vision --region 3299 --format jsonl`, and scored: partisan photos found
// under their own prohibition, clean photos with any finding, OCR pairs precision/recall, and the
// wall time. Default folders: fixtures/images/scenes (tuned on), fixtures/images/heldout (held
// back), fixtures/scenes-r2/tune (tuned on), fixtures/scenes-r2/check (never tuned on) and
// fixtures/scenes-r3/check (made and committed before round 3 changed any detection code),
// fixtures/scenes-r4/tune (tuned on) and fixtures/scenes-r4/check (made and committed before
// round 5 changed any detection code; never tuned on), fixtures/scenes-r5/tune (tuned on) and
// fixtures/scenes-r5/check (made and committed before round 6 changed any detection code; never
// tuned on), fixtures/scenes-r6/check (made and committed before round 7 changed any detection
// code; never tuned on), fixtures/scenes-r7/check (made and committed before round 8 changed any
// detection code; never tuned on), fixtures/scenes-r8/check (made and committed before round 9
// changed any detection code; never tuned on), fixtures/scenes-r9/check (made and committed before
// round 10 changed any detection code; never tuned on), fixtures/scenes-r10/check (made and
// committed before round 11 changed any detection code; never tuned on), fixtures/scenes-r11/check
// (made and committed before round 12 changed any detection code; never tuned on; the first check
// set with number poses: real hands held in front of campaign material), fixtures/scenes-r12/check
// (made and committed before round 13 changed any detection code; never tuned on; two thumbs, a
// thumb photograph, and a lone V-sign that may carry a low-severity hint and nothing more),
// fixtures/scenes-r13/check (made and committed before round 14 changed any detection code; never
// tuned on; weighted like the outside check: shirts, vehicle stickers, office posters among them
// KPU sheets listing every pair, plain scenes), fixtures/scenes-r14/check (made and committed
// before round 15 changed any detection code; never tuned on; shirts, stickers, three number poses
// with HaGRID cells no earlier set used, KPU lists of every pair, a thumbs-up and a wave at work),
// fixtures/scenes-r15/check (made and committed before round 16 changed any detection code; never
// tuned on; faint and small shirt print, far and angled stickers, three poses, KPU lists of every
// pair, a thumbs-up and a fist at work), fixtures/scenes-r16/check (made and committed before round
// 17 changed any detection code; never tuned on; faint, small and arched shirt print, far,
// angled and vertical stickers, two thumbs, KPU lists of every pair in columns, a thumbs-up at
// work), fixtures/scenes-r17/check (made and committed before round 18 changed any detection
// code; never tuned on; monospace, serif condensed, wide-spaced faint and arched shirt print, an
// angkot, a far car, a wiper across a sticker, two V hands, a group photo of three index fingers,
// KPU lists of every pair as rows with full names, a football-club sticker, a coffee-shop shirt),
// fixtures/scenes-r18/check (made and committed before round 19 changed any detection code; never
// tuned on; small chest print, faint print on a small person, an angkot's body, a C-pillar read
// bottom-to-top, a covered sticker, two hands of three fingers, a group of three V signs, a far KPU
// list of every pair, a ballot specimen, a TV quick-count graphic of all pairs),
// fixtures/scenes-r19/check (made and committed before round 20 changed any detection code; never
// tuned on; faint print on a far person, a chest-pocket print, AMIN over creases, turned serif, a
// far scooter, a turned helmet sticker, a slanted rear window, an angkot read top-to-bottom, a
// covered sticker, a far car door, a V, two hands of one finger, a group of three-finger signs, KPU
// lists of every pair near and far, a football-club sticker on a helmet, a coffee-shop shirt),
// fixtures/scenes-r20/check (made and committed before round 21 changed any detection code; never
// tuned on; faint print on white, a small far person, creased, turned and chest-pocket print, a far
// scooter, a rear window, a helmet, an angkot's side, a C-pillar read top-to-bottom, a slanted
// scooter sticker, a V, one finger, three fingers, a thumb, a group of one-finger signs, KPU lists
// of every pair near and far, a football-club sticker, a hardware-shop shirt, a thumbs-up at a meeting),
// fixtures/scenes-r21/check (made and committed before round 22 changed any detection code; never
// tuned on; faint, small, creased, turned and chest-pocket print, print on a hijab and on a cap, a
// far scooter, a rear window, a helmet on a seat, an angkot's side, a C-pillar read bottom-to-top, a
// slanted scooter sticker, a V, one finger, three fingers, a thumb, a group of V signs, KPU lists of
// every pair near and far, a football-club sticker on a car, a workshop shirt, a thumbs-up at a meeting),
// fixtures/scenes-r22/check (made and committed before round 23 changed any detection code; never
// tuned on; faint, far, chest-pocket, creased and turned print, print on a cap, a jacket half open
// over the print, stickers on a rider's helmet, a helmet on a table, a scooter's front, a car's rear
// window at night, a truck's tailgate and a far car, a V, one finger, three fingers beside a poster,
// two thumbs, a group of three-finger signs, KPU lists of every pair near and far, a football-club
// sticker on a scooter, a shop shirt, a thumbs-up at a meeting, a V at a wedding with no pair),
// fixtures/scenes-r23/check (made and committed before round 24 changed any detection code; never
// tuned on; chest-pocket, turned condensed, polo-back, lanyard-covered, cap, hijab and far faint
// print, stickers on a rider's helmet, a scooter's front shield, a helmet on a shelf, a scooter's
// side panel, an angkot's rear and a bicycle, one finger, three fingers beside a poster, two
// fingers at a desk under a pair's calendar, a group of one-finger signs, KPU lists of every pair
// near and far, an ASN banner, a Bawaslu notice, a regency's calendar, a shop shirt, a
// football-club sticker, a thumbs-up at a meeting, a V at a graduation with no pair),
// fixtures/scenes-r24/check (made and committed before round 25 changed any detection code; never
// tuned on; a jersey's back print, print under a cardigan, a batik shirt's small print, a child's
// shirt, a shirt on a door, a tote bag, a scarf, stickers on a rear windscreen, a pick-up's
// tailgate, a scooter's front shield, a fuel tank and a becak, one finger with a far poster, two
// at a rally, three in a selfie, a ballot specimen, a polling station's list of every pair, a
// pledge signing, a regent's inauguration, a shop's number, a football jersey's number, a dealer's
// sticker on a scooter's shield, a V at a birthday and a peace sign in a street with no pair),
// fixtures/scenes-r25/check (made and committed before round 26 changed any detection code; never
// tuned on; a hoodie's chest print, a mirror selfie's mirrored print, a shirt behind a desk, a
// shirt crumpled on a chair, a vest, a long sleeve's number, stickers on a motorbike's rear
// mudguard, a car's side door, an angkot's rear window, a peeling sticker and a truck's cab, two
// fingers in a group of six, one finger half out of frame, three in dim light, a child's one, KPU's
// poster of every pair, a Bawaslu banner, a team's numbered shirts, a house number, a bus route, a
// first-place banner, a V at a graduation and a thumbs-up at a wedding with no pair),
// fixtures/scenes-r26/check (made and committed before round 27 changed any detection code; never
// tuned on; a jersey's large back number, a batik shirt's name band, a print under a crossed arm,
// a mannequin's shirt, a child's shirt, a bandana, stickers on a windscreen's top strip, a helmet
// seen from behind, a becak's side, a bicycle's top tube, a spare-wheel cover and an angled car in
// a parking lot, two fingers held sideways, a gloved finger, three fingers from the side, a V in a
// mirror, a school uniform, a "PEMILU DAMAI" banner, a "TPS 02" sign, a taxi's number, a football
// score, a thumbs-up in an ad, a V at a concert and an ASN poster naming every pair),
// fixtures/scenes-s47/tune (made during stop 47's work and tuned on: ads and a menu whose numbers
// sell something, a pair named beside a price, a ballot call, mirror selfies of two campaign shirts
// and a fun-run shirt), fixtures/scenes-s48/tune (made during stop 48's work and tuned on: a pair's
// two name words one per line seen in a mirror, a mirrored shirt naming nobody, the pair's tag
// "AMIN" beside a candidate's name, a prayer banner ending "AMIN"), fixtures/scenes-r27/check (made
// and committed before stop 49 changed any detection code; scored before and after, totals only:
// a jersey's back print and a club's jersey with a large number, a batik's name band and a
// committee's band, three fingers seen from the side with and without the pair's poster, a child's
// shirt, a becak's and an SUV's stickers, a fun run's "Nomor Dada 02", a bus's route "03", a school's
// "JUARA 1"), fixtures/scenes-r28/check (made and committed before stop 50 changed any detection
// code; scored before and after, totals only: a kawung batik's name band and a youth group's band,
// a polo's chest print, a bandana, a motorbike mudguard's and a pick-up tailgate's stickers, three
// fingers at an office desk beside the pair's calendar, a pair's poster on an office wall, a club's
// jersey "03", a becak's tourist sticker "No. 2", a market's price board, a door's "RUANG 03", two
// fingers at an office birthday), fixtures/scenes-r29/check (made and committed before stop 51
// changed any detection code; scored before and after, totals only: a sticker low in a windscreen's
// corner and on a helmet's side, a shirt seen from the side and one half under an open jacket, one
// finger held up in a group of three under the pair's banner, the pair's calendar in an office, a
// windscreen's sun strip with a brand, a bicycle's frame decal, a basketball jersey's "01", a
// meeting room's door plate, a food stall's price list, a V at a graduation),
// fixtures/scenes-r30/check (made and committed before stop 52 changed any detection code; scored
// before and after, totals only: a name band on a parang batik with a crease, a shirt's printed back
// with folds, a pair's poster among duty rosters on an office notice board, a tote bag's sticker, a
// helmet's sticker on a shop shelf, a pair's calendar seen at an angle, two people side by side
// holding up two fingers, a shop's banner in a pair's colours, a school team's shirt "02", a bank's
// calendar, KPU's poster of every pair, duty rosters only, a V in a family photo),
// fixtures/scenes-r31/check (made and committed before stop 53 changed any detection code; scored
// before and after, totals only: a pair's names on a cap and on a scarf, a shirt seen from the side
// with an arm across its print, a scooter's front shield sticker, a car's rear window sticker under
// glare, three fingers in a group of three with one hand clear, a pair's banner behind a speaker at
// an office event, a pair's calendar beside a work schedule, a football scarf "02", an ojek's
// sticker, a school's sports shirt, KPU's sample ballot, a thumbs-up at a graduation).
// fixtures/scenes-r32/check (made and committed before stop 54 changed any detection code; scored
// before and after, totals only: a pair's shirt under a lanyard, a print half under an open
// cardigan, a small print on a batik shirt, a sticker along a bicycle's down tube, on a helmet on a
// table, low in a windscreen's corner and on a rider's helmet, a pair's poster among papers on an
// office notice board, a health office's shirt under a lanyard, a KORPRI day batik print, a club
// shirt "03" under a cardigan, KPU's list of every pair, a staff parking permit "No. 02").
// fixtures/scenes-r33/check (made and committed before stop 55 changed any detection code; scored
// before and after, totals only: a pair's shirt on a person leaning, a sash from shoulder to hip, a
// hijab's printed drape, stickers on a helmet on a shelf, on the back of a rider's helmet and low in a
// windscreen's right corner, a pair's poster among papers with a memo over its corner, two fingers
// beside the pair's shirt, an office's service shirt on a person leaning, a badminton club's "02",
// KPU's list of every presidential pair, a parking permit, a V-sign selfie).
// fixtures/scenes-r34/check (made and committed before stop 56 changed any detection code; scored
// before and after, totals only: a pair's shirt under a lanyard's ID card and with a clip-on ID card
// over its number, a small chest print on batik, stickers on a helmet on a table and on a shelf and
// low in a windscreen's left corner, one finger in a group of six and three fingers at a table under
// the pair's banner or calendar, an office's batik with its logo, a football shirt's "02", KPU's
// poster of every pair behind a meeting, a toll card sticker "03", a V at a wedding).
// A clean photo's `allow` (rule:severity) lists findings it may carry and still count as clean.
// Needs the optional vision packages and a build (npm run build). Prints a table; no pass/fail.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DEFAULT = ['fixtures/images/scenes', 'fixtures/images/heldout', 'fixtures/scenes-r2/tune', 'fixtures/scenes-r2/check', 'fixtures/scenes-r3/check', 'fixtures/scenes-r4/tune', 'fixtures/scenes-r4/check', 'fixtures/scenes-r5/tune', 'fixtures/scenes-r5/check', 'fixtures/scenes-r6/check', 'fixtures/scenes-r7/check', 'fixtures/scenes-r8/check', 'fixtures/scenes-r9/check', 'fixtures/scenes-r10/check', 'fixtures/scenes-r11/check', 'fixtures/scenes-r12/check', 'fixtures/scenes-r13/check', 'fixtures/scenes-r14/check', 'fixtures/scenes-r15/check', 'fixtures/scenes-r16/check', 'fixtures/scenes-r17/check', 'fixtures/scenes-r18/check', 'fixtures/scenes-r19/check', 'fixtures/scenes-r20/check', 'fixtures/scenes-r21/check', 'fixtures/scenes-r22/check', 'fixtures/scenes-r23/check', 'fixtures/scenes-r24/check', 'fixtures/scenes-r25/check', 'fixtures/scenes-r26/check', 'fixtures/scenes-s47/tune', 'fixtures/scenes-s48/tune', 'fixtures/scenes-r27/check', 'fixtures/scenes-r28/check', 'fixtures/scenes-r29/check', 'fixtures/scenes-r30/check', 'fixtures/scenes-r31/check', 'fixtures/scenes-r32/check', 'fixtures/scenes-r33/check', 'fixtures/scenes-r34/check'];
const verbose = process.argv.includes('--verbose');
const folders = process.argv.slice(2).filter((a) => !a.startsWith('--'));

for (const rel of folders.length ? folders : DEFAULT) {
  const dir = path.resolve(ROOT, rel);
  const labels = JSON.parse(readFileSync(path.join(dir, 'labels.json'), 'utf8'));
  const store = mkdtempSync(path.join(tmpdir(), 'netral-vision-sets-'));
  const t0 = performance.now();
  const run = spawnSync(process.execPath, [path.join(ROOT, 'bin/netral.js'), 'scan', dir, '--region', '3299', '--vision', '--store', path.join(store, 'n.db'), '-q', '--format', 'jsonl'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const ms = performance.now() - t0;
  rmSync(store, { recursive: true, force: true });
  if (run.status !== 0 && run.status !== 1) {
    console.error(`${rel}: scan failed (exit ${run.status}): ${run.stderr.trim()}`);
    continue;
  }
  /** per photo: prohibitions filed, and pairs named by printed-text findings */
  const byFile = new Map();
  for (const line of run.stdout.split('\n')) {
    if (!line.trim()) continue;
    const f = JSON.parse(line);
    const file = path.basename(f.item.source.path);
    const entry = byFile.get(file) ?? { prohibitions: new Set(), ocr: new Set(), rules: new Set() };
    entry.prohibitions.add(f.prohibition);
    entry.rules.add(`${f.rule.id}:${f.severity}`);
    if (!f.rule.id.startsWith('v5-pose') && !/^v\d-gambar/.test(f.rule.id)) for (const c of f.candidates) entry.ocr.add(c.pair);
    byFile.set(file, entry);
  }
  let filed = 0;
  let cleanFlagged = 0;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const partisan = labels.filter((l) => l.prohibition !== null);
  for (const l of labels) {
    const got = byFile.get(l.file);
    const allowed = new Set(l.allow ?? []);
    const ok = l.prohibition === null ? !got || [...got.rules].every((r) => allowed.has(r)) : !!got?.prohibitions.has(l.prohibition);
    if (l.prohibition !== null && ok) filed++;
    if (l.prohibition === null && !ok) cleanFlagged++;
    const want = l.signals?.ocr ? [l.signals.ocr] : [];
    const ocr = got?.ocr ?? new Set();
    tp += want.filter((p) => ocr.has(p)).length;
    fn += want.filter((p) => !ocr.has(p)).length;
    fp += [...ocr].filter((p) => !want.includes(p)).length;
    if (verbose || !ok) console.log(`  ${ok ? 'ok  ' : 'MISS'} ${rel}/${l.file}: expected ${l.prohibition ?? 'nothing'}, filed [${[...(got?.prohibitions ?? [])].join(', ')}] ${[...(got?.rules ?? [])].join(' ')}`);
  }
  const p = tp + fp ? tp / (tp + fp) : 1;
  const r = tp + fn ? tp / (tp + fn) : 1;
  console.log(`${rel}: ${filed}/${partisan.length} partisan photos under their own prohibition; ${cleanFlagged}/${labels.length - partisan.length} clean photos with a finding; OCR pairs P ${p.toFixed(2)} R ${r.toFixed(2)} (tp ${tp}, fp ${fp}, fn ${fn}); ${(ms / 1000).toFixed(1)} s for ${labels.length} photos`);
}
