// The more specific form wins: supersedes, builds_on, and replies that lean on the message before.
import { beforeAll, describe, expect, it } from 'vitest';
import { makeItem, type ItemDraft } from '../../src/model/item.js';
import { evaluate } from '../../src/rules/evaluate.js';
import { loadRulePack, type RulePack } from '../../src/rules/pack.js';

let pack: RulePack;
beforeAll(async () => {
  pack = await loadRulePack();
});
const item = (draft: Omit<ItemDraft, 'source'>) => makeItem({ ...draft, source: { captureId: 'test', path: 'test', pointer: '/0' } });
const rules = (draft: Omit<ItemDraft, 'source'>, ctx = {}) => evaluate(pack, item(draft), { region: '3299', ...ctx }).map((f) => f.ruleId);

describe('specific forms before generic ones', () => {
  it('the shirt worn to the debate the writer attended is that attendance (8), as the shirt at a rally is 2', () => {
    const prohibitions = (text: string) => evaluate(pack, item({ platform: 'facebook', kind: 'post', time: '2024-11-20T12:00:00Z', text }), { region: '3299' }).map((f) => f.prohibition);
    expect(prohibitions('Wis mangkat nang arena debat cabup, kaos ijo wis dipake. Nomor 1 menang! 💚')).toEqual([8]);
    expect(prohibitions('Aku lungguh neng tribun pendukung Budi-Dewi pas debat publik, nganggo kaos nomer 2')).toEqual([8]);
    // the shirt with no debate stays the shirt form
    expect(prohibitions('Kaos ijo Fauzi-Siti wis dipake, nomor 1 menang! 💚')).toEqual([4]);
  });

  it("a photo or a location tag from a named pair's rally is the writer's attendance (2), not a status (3)", () => {
    const post = (draft: Partial<Omit<ItemDraft, 'source'>>) => evaluate(pack, item({ platform: 'instagram', kind: 'post', time: '2024-01-28T09:00:00Z', ...draft }), { region: '3299' }).map((f) => f.prohibition);
    expect(post({ text: 'Sareng kulawarga ring kampanye akbar Ganjar-Mahfud ring lapangan Renon, rame pisan 🖤❤️', media: [{ uri: 'a.jpg' }] })).toEqual([2]);
    expect(post({ platform: 'facebook', text: 'Engkaka ri kampanye akbar Ganjar-Mahfud, maega tau 🔥', place: { name: 'Lapangan Karebosi' } })).toEqual([2]);
    // no picture and no place: the words alone are not the writer there
    expect(post({ text: 'Kampanye akbar Ganjar-Mahfud ring lapangan Renon' })).not.toContain(2);
  });

  it('a followed volunteer page of a district team is one charge (SKB A4/B6 = item 1) filed under 1; a shared team post replaces the generic share', () => {
    const follow = { platform: 'facebook' as const, kind: 'follow' as const, time: '2024-10-05T05:00:00Z', target: { kind: 'page' as const, name: 'Relawan Budi-Dewi Kecamatan Cibening' } };
    const found = evaluate(pack, item(follow), { region: '3299' });
    expect(found.map((f) => [f.ruleId, f.prohibition])).toEqual([['t1-suka-halaman-paslon', 1]]);
    // the SKB-form rule is merged into the kept finding, and it says so
    expect(found[0]?.explanation.en).toContain('sk-suka-halaman-relawan');
    expect(rules({ platform: 'facebook', kind: 'share', time: '2024-10-05T05:00:00Z', target: { kind: 'page', name: 'Tim Pemenangan Fauzi-Siti' } })).toEqual(['sk-suka-halaman-relawan']);
    expect(rules({ platform: 'facebook', kind: 'follow', time: '2024-10-05T05:00:00Z', target: { kind: 'page', name: 'Budi Hartono - Dewi Lestari' } })).toEqual(['t1-suka-halaman-paslon']);
  });

  it("a retweet of a pair's post that takes a side in its words is a status (3); a bare share of it is the SKB share form", () => {
    const rt = { platform: 'x' as const, kind: 'share' as const, time: '2024-01-16T03:00:00Z', target: { kind: 'post' as const, handle: 'aniesbaswedan' } };
    expect(evaluate(pack, item({ ...rt, text: 'RT @aniesbaswedan: Tanggal 14 Februari jangan lupa coblos nomor 1 ya!' }), { region: '3299' }).map((f) => f.prohibition)).toEqual([3]);
    expect(evaluate(pack, item({ ...rt, text: 'RT @aniesbaswedan: Jadwal hari ini di Medan' }), { region: '3299' }).map((f) => f.ruleId)).toEqual(['sk-bagikan-komentar-konten-paslon']);
  });

  it('a partisan message in a workplace group is prohibition 6, in the same group marked by the analyst too', () => {
    const praise = { platform: 'whatsapp' as const, kind: 'message' as const, time: '2024-11-10T03:00:00Z', text: 'Pak Budi Hartono memang paling pantas jadi bupati, programnya jelas 👍' };
    expect(rules({ ...praise, context: { kind: 'chat', name: 'Pegawai Puskesmas Sukamaju' } })).toEqual(['t6-pesan-partisan-grup-kantor']);
    expect(rules({ ...praise, context: { kind: 'chat', name: 'Geng Ngopi Sore' } })).not.toContain('t6-pesan-partisan-grup-kantor');
    expect(rules({ ...praise, context: { kind: 'chat', name: 'Geng Ngopi Sore' } }, { workplaceGroups: ['geng ngopi sore'] })).toEqual(['t6-pesan-partisan-grup-kantor']);
  });

  it("in an office group the sender's own act keeps its form; an offer or invitation to colleagues is the office form", () => {
    const office = { platform: 'whatsapp' as const, kind: 'message' as const, time: '2024-11-10T03:00:00Z', context: { kind: 'chat' as const, name: 'Guru SMPN 3 Sukamaju' } };
    const prohibitions = (text: string) => evaluate(pack, item({ ...office, text }), { region: '3299' }).map((f) => f.prohibition);
    // own acts: a sticker on one's own motorbike, a shirt worn
    expect(prohibitions('Stiker Budi-Dewi sudah kutempel di motorku, keren 😎')).toEqual([7]);
    expect(prohibitions('Sesuk aku nganggo kaos Budi-Dewi nomer 2 neng kantor')).toEqual([4]);
    // the same shirt and the same rally handed round or offered to the group
    expect(prohibitions('Kaos Budi-Dewi wis teka, sing arep njupuk nang mejaku yo, gratis')).toEqual([6]);
    expect(prohibitions('Sabtu ada kampanye akbar Budi-Dewi di alun-alun, berangkat bareng dari kantor yuk')).toEqual([6]);
    // the finding that stays names the reading left out
    const [kept] = evaluate(pack, item({ ...office, text: 'Kaos Budi-Dewi wis teka, sing arep njupuk nang mejaku yo, gratis' }), { region: '3299' });
    expect(kept?.explanation.en).toContain('4: t4-kaos-atribut-kampanye');
    // outside an office group the offer is the shirt form as before
    expect(evaluate(pack, item({ ...office, context: { kind: 'chat', name: 'Geng Ngopi Sore' }, text: 'Kaos Budi-Dewi wis teka, sing arep njupuk nang mejaku yo, gratis' }), { region: '3299' }).map((f) => f.prohibition)).toEqual([4]);
  });

  it('an invitation is read by its shape too (who joins?, whoever wants, join + urging particle), and an invitation to a debate is the office form', () => {
    const office = { platform: 'whatsapp' as const, kind: 'message' as const, time: '2024-11-10T03:00:00Z', context: { kind: 'chat' as const, name: 'Staf Dinas PUPR Sukamaju' } };
    const prohibitions = (text: string) => evaluate(pack, item({ ...office, text }), { region: '3299' }).map((f) => f.prohibition);
    // "who joins?" with the join verb after the question word (not in the offer lexicon as such)
    expect(prohibitions('Minggu kampanye akbar Budi-Dewi nang alun-alun, sapa melu? Tak boncengke')).toEqual([6]);
    // a join verb with an urging particle
    expect(prohibitions('Sabtu kampanye akbar Budi-Dewi nang lapangan, ikut yo rek')).toEqual([6]);
    // the sender's own rally told to the group keeps its own form (rubric, from round 12 on)
    expect(prohibitions('Wingi aku melu kampanye akbar Budi-Dewi nang lapangan, rame tenan')).toEqual([2]);
    // a debate: the sender's own seat is 8, an offer of seats to colleagues is 6 — even though its
    // words name the "debat publik" (voter-education words the debate rule does not honour)
    expect(prohibitions('Aku lungguh neng tribun pendukung Budi-Dewi pas debat publik calon bupati wingi')).toEqual([8]);
    expect(prohibitions('Debat publik calon bupati Setu, aku entuk tiket tribun pendukung Budi-Dewi, sopo sing gelem melu?')).toEqual([6]);
  });

  it('an offer to whoever wants or needs one is read by shape even when the office rule that fired has no offer words', () => {
    const office = { platform: 'whatsapp' as const, kind: 'message' as const, time: '2024-11-10T03:00:00Z', context: { kind: 'chat' as const, name: 'Staf Dinas Pertanian Sukamaju' } };
    const prohibitions = (text: string) => evaluate(pack, item({ ...office, text }), { region: '3299' }).map((f) => f.prohibition);
    // the appeal rule holds on "kaos … di kantor" and the shirt rule on the shirt; the offer shape
    // ("yang mau", a need verb: Indonesian "perlu", Sundanese "peryogi", Minang "paralu") is the
    // building rule's, and still decides that the shirt is handed round, not worn
    expect(prohibitions('Kaos Budi-Dewi masih ada 20 di kantor, yang mau japri')).toEqual([6]);
    expect(prohibitions('Kaos Budi-Dewi masih ada 20 di kantor, yang perlu japri')).toEqual([6]);
    expect(prohibitions('Upami aya nu peryogi kaos Budi-Dewi, abdi masih gaduh 20 di kantor')).toEqual([6]);
    expect(prohibitions('Kok nan paralu kaos Budi-Dewi, ambo masih punyo 20 di kantor')).toEqual([6]);
    // the sender's own shirt told in the same office words keeps its form
    expect(prohibitions('Aku nganggo kaos Budi-Dewi ke kantor, adem')).toEqual([4]);
  });

  it('material handed round to someone, the group awaited, an instruction to wear it ahead: the office form', () => {
    const office = { platform: 'whatsapp' as const, kind: 'message' as const, time: '2024-11-10T03:00:00Z', context: { kind: 'chat' as const, name: 'Pegawai Puskesmas Sukamaju' } };
    const prohibitions = (text: string) => evaluate(pack, item({ ...office, text }), { region: '3299' }).map((f) => f.prohibition);
    // a verb of handing out before the recipient (Madurese passive è-, Indonesian di-)
    expect(prohibitions('Kaos Budi-Dewi bâdâ è mèja pendaftaran, èbâgi ka kanca-kanca 💙')).toEqual([6]);
    expect(prohibitions('Kaos Budi-Dewi ada di meja pendaftaran, dibagi ke pasien')).toEqual([6]);
    // the group as the object of a verb of awaiting
    expect(prohibitions('Nanti malam debat, saya tunggu rekan2 di tribun pendukung Budi-Dewi ya, kaos sdh sy siapkan')).toEqual([6]);
    // the bare verb of wearing next to a time ahead: an instruction; the writer's own plan names the writer
    expect(prohibitions('Kaos Budi-Dewi itu bsok pake ke kantor, biar dong lia')).toEqual([6]);
    expect(prohibitions('Sesuk aku nganggo kaos Budi-Dewi nomer 2 neng kantor')).toEqual([4]);
    // a shirt told as put on already, and a sticker told, keep their forms
    expect(prohibitions('Kaos Budi-Dewi sudah kupakai ke kantor tadi, adem')).toEqual([4]);
  });

  it('one pair ranked first by a superlative among others named is no balanced coverage; a ranked fact still is', () => {
    const office = { platform: 'whatsapp' as const, kind: 'message' as const, time: '2024-11-10T03:00:00Z', context: { kind: 'chat' as const, name: 'Nakes PKM Tanete Sukamaju' } };
    const prohibitions = (text: string, time = office.time) => evaluate(pack, item({ ...office, time, text }), { region: '3299' }).map((f) => f.prohibition);
    expect(prohibitions('Nomor 3 kalah jauh itu jawabannya, Budi-Dewi paling jelas')).toEqual([6]);
    expect(prohibitions('Mahfud MD tadi mantap, tapi tetap Gibran Rakabuming paling keren', '2024-01-10T03:00:00Z')).toEqual([6]);
    expect(prohibitions('Survei: Prabowo paling unggul, Anies kedua, Ganjar ketiga', '2024-01-10T03:00:00Z')).toEqual([]);
    // "just X" after one pair while another is criticised: the one the writer settles on
    expect(prohibitions('Ndelok Gibran debat wingi, isih kaya bocah, ora mutu blas 🤦‍♂️ AMIN wae sing jelas', '2024-01-10T03:00:00Z')).toEqual([6]);
    expect(prohibitions('Debat semalam: Anies bicara data, Prabowo soal pertahanan, Ganjar soal guru. Nonton aja sendiri', '2024-01-10T03:00:00Z')).toEqual([]);
    // the Sundanese colloquial "wéh" ("just") is the same particle
    expect(prohibitions('Nomer hiji mah tos kolot teuing, nomer tilu mah can kabuktian. Budi-Dewi wéh nu pasti')).toEqual([6]);
  });

  it("the incumbent's short name is the candidate when the message counts his years in office", () => {
    const office = { platform: 'whatsapp' as const, kind: 'message' as const, time: '2024-11-10T03:00:00Z', context: { kind: 'chat' as const, name: 'Tim Humas Diskominfo Sukamaju' } };
    const found = (text: string) => evaluate(pack, item({ ...office, text }), { region: '3299' });
    expect(found('Jujurly Bang Fauzi udah dua periode, cukup lah ya.').flatMap((f) => f.candidates.map((c) => c.pair))).toContain('pilkada-2024-3299-01');
    // no verdict on the years: nothing
    expect(found('Pak Fauzi sudah 5 tahun jadi kepala bidang, terima kasih atas bimbingannya')).toEqual([]);
    // a short name of a candidate who is not the incumbent is not made firm by years
    expect(found('Mas Budi sudah 5 tahun di bidang ini, cukup lah ya.')).toEqual([]);
  });

  it('"better" in the regional languages is praise of the candidate it is said of', () => {
    const office = { platform: 'telegram' as const, kind: 'message' as const, time: '2024-10-07T12:00:00Z', context: { kind: 'chat' as const, name: 'Pegawai Puskesmas Sukamaju Wetan' } };
    const prohibitions = (text: string) => evaluate(pack, item({ ...office, text }), { region: '3299' }).map((f) => f.prohibition);
    expect(prohibitions('Yusuf-Ratna kanggo nakes luwih apik')).toEqual([6]);
    expect(prohibitions('Budi-Dewi leuwih alus kanggo patani')).toEqual([6]);
    // the comparative with no candidate is everyday talk
    expect(prohibitions('Jadwal piket sing anyar luwih apik')).toEqual([]);
  });

  it("a volunteer channel's post shared into an office group is the office form; the same share elsewhere is the SKB share form", () => {
    const share = { platform: 'telegram' as const, kind: 'share' as const, time: '2024-11-18T12:30:00Z', text: 'Yusuf-Ratna: Pendidikan gratis sampai SMA! Pilih nomor 3 🔥', target: { name: 'Kanal Relawan Yusuf-Ratna' } };
    const office = evaluate(pack, item({ ...share, context: { kind: 'chat', name: 'Guru SDN 2 Sukamaju' } }), { region: '3299' });
    expect(office.map((f) => f.prohibition)).toEqual([6]);
    expect(office[0]?.explanation.en).toContain('other: sk-suka-halaman-relawan');
    expect(rules({ ...share, context: { kind: 'chat', name: 'Geng Ngopi Sore' } })).toEqual(['sk-suka-halaman-relawan']);
    // a message (not a share) in the group keeps the sender's own act: a victory party is still 'other'
    const party = { platform: 'whatsapp' as const, kind: 'message' as const, time: '2024-11-28T13:00:00Z', context: { kind: 'chat' as const, name: 'Guru SDN 2 Sukamaju' } };
    expect(evaluate(pack, item({ ...party, text: 'Alhamdulillah Budi-Dewi menang, nanti malam syukuran di rumahku 🎉' }), { region: '3299' }).map((f) => f.prohibition)).toEqual(['other']);
  });

  it('a hand-sign pose photographed at a campaign event is the pose form (5), not attendance (2)', () => {
    expect(rules({ platform: 'facebook', kind: 'media', time: '2024-10-20T12:00:00Z', media: [{ caption: 'Salam dua jari untuk Budi-Dewi! ✌️ foto bareng pak Budi di acara kampanye' }] })).toEqual(['t5-pose-nomor-paslon']);
  });

  it('a number with a unit is not a ballot number', () => {
    expect(rules({ platform: 'facebook', kind: 'post', time: '2024-11-05T05:00:00Z', text: 'Perjalanan dinas 45 km ke Sukamaju, 2 jam lewat tol, ayo semangat' })).toEqual([]);
  });
});

describe('a reply leans on the message it answers only with a reply cue and words of its own', () => {
  const sticker = item({ platform: 'telegram', kind: 'message', time: '2024-11-05T01:00:00Z', text: 'Stiker Budi-Dewi sudah dibagi, silakan ambil', actor: { name: 'Asep' }, context: { kind: 'group', name: 'Arisan RT 03' } });
  const reply = (text: string) => ({ platform: 'telegram' as const, kind: 'message' as const, time: '2024-11-05T01:05:00Z', text, actor: { name: 'Rina' }, context: { kind: 'group' as const, name: 'Arisan RT 03' } });

  it('"me too, on my motorbike" becomes a sticker-on-vehicle finding', () => {
    expect(rules(reply('aku juga udah pasang di motor ✌️'), { thread: [{ item: sticker, via: 'reply' }] })).toEqual(['t7-stiker-kendaraan']);
  });

  it('without a reply cue, or without words of its own, nothing is borrowed', () => {
    expect(rules(reply('motor ku mogok lagi'), { thread: [{ item: sticker, via: 'window' }] })).toEqual([]);
    expect(rules(reply('siap, terima kasih'), { thread: [{ item: sticker, via: 'reply' }] })).toEqual([]);
  });

  it('the same reply with no thread has no finding', () => {
    expect(rules(reply('aku juga udah pasang di motor ✌️'))).toEqual([]);
  });
});

describe('debate and team forms win over the generic status (stop 34)', () => {
  const prohibitions = (draft: Omit<ItemDraft, 'source'>) => evaluate(pack, item(draft), { region: '3299' }).map((f) => f.prohibition);
  const post = { platform: 'facebook' as const, kind: 'post' as const, time: '2024-10-26T15:00:00Z' };

  it('a side taken from the debate venue or at a debate watch party is the debate form (8), not the status (3) nor the rally (2)', () => {
    expect(prohibitions({ ...post, text: 'Dari dalam gedung debat cabup, pendukung Yusuf-Ratna paling kompak, nomor 3 pasti menang!' })).toEqual([8]);
    expect(prohibitions({ ...post, text: 'Nobar debat cabup di posko relawan, Budi-Dewi menang telak, nomor 2 pokoknya!' })).toEqual([8]);
    // the same praise without a venue or a watch party stays a status
    expect(prohibitions({ ...post, text: 'Debat cabup semalam, Budi-Dewi menang telak, nomor 2 pokoknya!' })).toEqual([3]);
  });

  it('a debate watch party proposed to colleagues in an office group is the office form (6)', () => {
    const office = { platform: 'whatsapp' as const, kind: 'message' as const, time: '2024-11-08T03:00:00Z', context: { kind: 'chat' as const, name: 'Staf Dinas PUPR Sukamaju' } };
    expect(prohibitions({ ...office, text: 'Bapak ibu, nanti malam nobar debat cabup di warung depan kantor yuk, nomor 2 mantap 😁' })).toEqual([6]);
    // the sender's own watch party told to the group keeps the debate form
    expect(prohibitions({ ...office, text: 'Semalam nobar debat cabup di posko, Budi-Dewi menang telak, nomor 2 pokoknya' })).toEqual([8]);
  });

  it("the campaign team's work and a party card are the SKB form (other), not the status (3)", () => {
    expect(prohibitions({ ...post, text: 'KTA partai sudah di tangan, resmi kader, siap menangkan Budi-Dewi nomor 2!' })).toEqual(['other']);
    expect(prohibitions({ ...post, text: 'Malam ini kita jaga posko pemenangan Budi-Dewi, nomor 2 menang!' })).toEqual(['other']);
    expect(prohibitions({ platform: 'telegram', kind: 'message', time: '2024-10-20T13:00:00Z', text: 'Mandat saksi TPS 04 sudah sy pegang', context: { kind: 'chat', name: 'Tim Relawan Budi-Dewi Cibening' } })).toEqual(['other']);
  });
});
