// A chat reply read with the message it answers (RUBRIC, "Replies inside a chat or thread the
// input holds"): agreeing, "me too", accepting or acting on an offer takes the side of a partisan
// message, in the reply's own form; acknowledging, declining, apologising and warning stay clean.
import { beforeAll, describe, expect, it } from 'vitest';
import { makeItem, type Item, type ItemDraft } from '../../src/model/item.js';
import { evaluate, prepareItem } from '../../src/rules/evaluate.js';
import { loadRulePack, type RulePack } from '../../src/rules/pack.js';
import { readReply } from '../../src/rules/reply-act.js';
import type { ThreadMessage } from '../../src/rules/evaluate.js';

let pack: RulePack;
beforeAll(async () => {
  pack = await loadRulePack();
});

const OFFICE = { kind: 'group' as const, name: 'Staf Dinas Pendidikan Sukamaju' };
const FAMILY = { kind: 'group' as const, name: 'Keluarga Besar Haji Naim' };
let minute = 0;
function message(text: string, context: Item['context'] = OFFICE, who = 'Hendra', at = '2024-10-05T12:00:00Z'): Item {
  const draft: Omit<ItemDraft, 'source'> = { platform: 'whatsapp', kind: 'message', text, time: new Date(Date.parse(at) + minute++ * 60_000).toISOString(), actor: { name: who }, ...(context ? { context } : {}) };
  return makeItem({ ...draft, source: { captureId: 'test', path: 'chat.txt', pointer: `line:${minute}` } });
}
/** the reply, evaluated with the earlier messages (newest first, as ChatContext gives them) */
function answer(reply: Item, earlier: Item[], via: ThreadMessage['via'] = 'window') {
  return evaluate(pack, reply, { region: '3299', thread: earlier.map((item) => ({ item, via })) });
}

const CALL = 'Teman-teman, tanggal 27 nanti coblos nomor 2 Budi-Dewi ya, beliau paling paham soal guru honorer 🙏';
const RALLY = 'Sabtu ada kampanye akbar Budi-Dewi di alun-alun, berangkat bareng yuk, bus disediakan posko';
const NEWS = 'KPU tetapkan jadwal debat publik calon bupati Sukamaju 2 November https://www.kompas.com/read/2024/10/20/debat-pilbup';

describe('readReply', () => {
  const read = (text: string) => {
    const v = prepareItem(pack, message(text), {});
    const f = v.fields.find((x) => x.field === 'text')!;
    return readReply(f.norm, f.hits, pack);
  };

  it('finds the side-taking word among the first words, in several languages', () => {
    for (const t of ['Setuju pak 👍', 'Sami pa, abdi oge', 'Podo mas, aku melu', 'Satuju Jo, ambo juo', 'Iye bener Bang, aye juga', 'Pesen 2 ya pak', 'Aku siji mas, ukuran XL', 'Literally same, vibes-nya fresh', 'Agree sih bang']) {
      expect(read(t).sides, t).toBeDefined();
      expect(read(t).declines, t).toBe(false);
    }
  });

  it('a side word far into the message belongs to a sentence of its own', () => {
    expect(read('Kemarin sore sehabis rapat aku ikut senam').sides).toBeUndefined();
  });

  it('declines, apologises, warns, negates or asks', () => {
    for (const t of ['Siap bu, maaf 🙏', 'Aku ora melu mbak, anakku lara', 'Abdi teu tiasa ngiring', 'Nggak ikut pak', 'Setuju bu, jangan bahas politik di grup', 'Ikut ga?', 'Ambo piliah nan lain Jo', 'Sa tra ikut pak, sa jaga mama yang sakit', 'Beta sonde ikut bu', 'Seng ikut, ada tugas']) {
      expect(read(t).declines, t).toBe(true);
    }
  });

  it('a question after an acceptance in a clause of its own does not take the acceptance back; one in the same clause, or with a doubt word, asks', () => {
    for (const t of ['Hahaha ambo pun sudah, di motor dinas lagi, dak apo kan?', 'Ulun handak jua kaosnya, di mana mamintanya?', 'Setuju pak, jam berapa kumpulnya?']) {
      expect(read(t).declines, t).toBe(false);
      expect(read(t).sides, t).toBeDefined();
    }
    for (const t of ['Ikut ga?', 'Aku juga ikut?', 'Setuju, tapi emang boleh?', 'Aku juga, boleh?', 'Siapa yang ikut? aku juga']) expect(read(t).declines, t).toBe(true);
  });

  it('a negator before a modal before the reply word negates it: may not, cannot, will not join', () => {
    for (const t of ['Punten, ASN teu kenging ngiring kampanye', 'Aku ora oleh melu mas', 'Saya tidak boleh ikut pak']) {
      expect(read(t).declines, t).toBe(true);
    }
    // a modal without a negator before it is the act itself ("boleh ikut": may I join)
    expect(read('Aku boleh ikut bu').declines).toBe(false);
  });

  it('"the others" followed by a joining word call the colleagues to follow; alone they pick another side', () => {
    for (const t of ['Mantep Ka! Sing liyane mbok ya pada nyusul gabung', 'Mantap, yang lain ikut juga ya']) expect(read(t).declines, t).toBe(false);
    for (const t of ['Ambo piliah nan lain Jo', 'Aku milih sing liyane wae', 'Yang lain aja bu']) expect(read(t).declines, t).toBe(true);
  });

  it('carrying out an instruction acts on it; "siap" alone only acknowledges', () => {
    expect(read('Siap Pak, dilaksanakan 🙏').sides).toBeDefined();
    expect(read('Siap pak 🙏').sides).toBeUndefined();
  });

  it('a reduplicated reply word is another word ("sama-sama", "sami-sami": you\'re welcome, all alike)', () => {
    for (const t of ['Sama-sama pak 🙏', 'Hehe sampun, sami-sami sedulur', 'Sama sama bu']) expect(read(t).sides, t).toBeUndefined();
    expect(read('Sami pa, abdi oge').sides).toBeDefined();
  });

  it('"me too" and "one for me" are composed: the writer\'s pronoun before an "also" particle or a count, a taking verb before a count', () => {
    for (const t of ['Ambo pun lah, di helm 😄', 'Ulun gin sapandapat', 'Iye om, sa juga 2 ji 😁', 'Aku jugo, minggu depan', 'aku 2 ya Ama, ukuran L', 'Titip satu om, size M 😍', 'Ambil 2 ya bu', 'Awak nak satu wak, untuk motor']) {
      expect(read(t).sides, t).toBeDefined();
      expect(read(t).declines, t).toBe(false);
    }
    // a comma between the words, an amount rather than a share, a count with no pronoun or taking
    // verb before it, "sa" (also "saja") before a count, and a denied taking verb are not
    for (const t of ['Aku, 2 hari lagi cuti', 'Aku 25 tahun di dinas ini', 'Rapat jam 2 ya', 'Fauzi sa 2 periode', 'Nggak ambil 2 bu']) expect(read(t).sides, t).toBeUndefined();
  });

  it('accepting an offer is composed too: the writer\'s pronoun, an optional "also", a want verb that ends its clause', () => {
    for (const t of ['Sa mau pak, tapi jangan sebut nama sa', 'Saya mau Bu, masukkan saya juga ke grup itu', 'Ulun handak jua kaosnya', 'Aku juga mau dong', 'Abdi hoyong, kang']) {
      expect(read(t).sides, t).toBeDefined();
    }
    // wanting something else, a denied want, a want with no pronoun before it
    for (const t of ['Saya mau tanya pak', 'Aku mau pulang duluan ya', 'Saya tidak mau pak', 'Mau rapat jam berapa']) expect(read(t).sides, t).toBeUndefined();
  });

  it('an emoji alone, or "siap" and "ok" alone, take no side', () => {
    for (const t of ['👍🔥', '✌️💪', 'Siap bu', 'Ok pak']) expect(read(t).sides, t).toBeUndefined();
  });
});

describe('a reply that takes the side of a partisan message', () => {
  it('agreeing in an office group is the office rule (6), with the pair and words of the message it answers', () => {
    const call = message(CALL);
    const fs = answer(message('Setuju pak, aku juga pilih itu 👍', OFFICE, 'Dimas'), [call]);
    expect(fs.map((f) => f.prohibition)).toEqual([6]);
    const f = fs[0]!;
    expect(f.candidates.map((c) => c.pair)).toEqual(['pilkada-2024-3299-02']);
    expect(f.spans.filter((s) => s.field === 'thread').map((s) => s.text)).toContain('Budi-Dewi');
    expect(f.spans.filter((s) => s.field === 'text').map((s) => s.text)).toContain('Setuju');
    expect(f.explanation.en).toContain('The reply takes its side or acts on it (“Setuju”)');
    expect(f.explanation.en).toContain('Read together with the message just before it in the same chat (Hendra');
    expect(f.explanation.id).toContain('Balasan ini memihak atau menindaklanjuti pesan itu');
  });

  it('agreeing in a family group keeps the earlier message\'s form (3)', () => {
    const status = message('Aye mah udah mantep, 14 Februari coblos 02 Prabowo-Gibran, biar lanjut terus 💪', FAMILY, 'Rojali', '2024-01-03T12:00:00Z');
    const fs = answer(message('Iye bener Bang, aye juga', FAMILY, 'Ipah', '2024-01-03T12:03:00Z'), [status]);
    expect(fs.map((f) => [f.prohibition, f.candidates.map((c) => c.pair)])).toEqual([[3, ['pilpres-2024-02']]]);
  });

  it('accepting a rally invitation is attending the rally (2)', () => {
    const fs = answer(message('Siap pak, meluncur! Ikut bus yang jam 7', FAMILY, 'Sri'), [message(RALLY, FAMILY)]);
    expect(fs.map((f) => f.prohibition)).toEqual([2]);
  });

  it('in an office group a reply is its own act: joining the rally (2), taking a shirt (4), the shirt it names aside', () => {
    const shirts = message('Kaos Budi-Dewi masih sisa 10 di rumah, yang mau bilang ya, gratis', OFFICE, 'Sri');
    expect(answer(message('Aku satu pak, nanti dipakai pas kampanye', OFFICE, 'Agus'), [shirts]).map((f) => f.prohibition)).toEqual([4]);
    const rally = message('Sesuk Minggu ana kampanye akbar Budi-Dewi nang lapangan kecamatan, sing arep melu kumpul nang kantor jam 7 yo', OFFICE, 'Sri');
    expect(answer(message('Aku melu mbak, wis siap kaose', OFFICE, 'Agus'), [rally]).map((f) => f.prohibition)).toEqual([2]);
  });

  it('a share asked for by its count after a shirt offer is the replier\'s own act; the same words after a work notice borrow nothing', () => {
    const shirts = message('Kawan2, yg mau kaos Budi-Dewi japri aku ya, masih ada 20 lembar di rumah, gratis', OFFICE, 'Sri');
    expect(answer(message('aku 2 ya mbak, ukuran L', OFFICE, 'Agus'), [shirts]).length).toBeGreaterThan(0);
    const notice = message('Rekap absensi bulan ini dikumpulkan paling lambat tanggal 5 ya', OFFICE, 'Sri');
    expect(answer(message('aku 2 ya mbak, ukuran L', OFFICE, 'Agus'), [notice])).toEqual([]);
  });

  it('"me too" with a Minang "pun" after a sticker message takes its side', () => {
    const sticker = message('Sanak, kemarin ambo pasang stiker Budi-Dewi di helm, biar warga tau kito dukung nomor 2 😎', OFFICE, 'Rizal');
    const fs = answer(message('Ambo pun lah, di helm 😄', OFFICE, 'Jufri'), [sticker]);
    expect(fs.flatMap((f) => f.candidates.map((c) => c.pair))).toContain('pilkada-2024-3299-02');
  });

  it('"me too, on my helmet" after a sticker on a motorbike is the replier\'s own sticker (7)', () => {
    const fs = answer(message('Aku juga udah pasang di helm ✌️', OFFICE, 'Agus'), [message('Stiker Budi-Dewi sudah nempel di motorku, keren 😎', OFFICE, 'Sri')]);
    expect(fs.map((f) => f.prohibition)).toContain(7);
  });

  it('"me too" with a vehicle word, after a long sticker message whose words lie too far for a near span, is the replier\'s own sticker (7)', () => {
    const sticker = message('Wingi sore wis tak tempel stiker Budi-Dewi neng spakbor motorku, ben dalan menyang kantor katon apik lan rame, bocah-bocah padha takon kabeh 😎', OFFICE, 'Sri');
    const fs = answer(message('Owalah mbak, kula nggih sampun, wonten helm 🤭', OFFICE, 'Agus'), [sticker]);
    expect(fs.map((f) => f.prohibition)).toEqual([7]);
    expect(fs[0]?.spans.some((sp) => sp.field === 'text' && sp.text === 'helm')).toBe(true);
    // without a vehicle word of its own, the same "me too" is not a sticker of the replier's
    expect(answer(message('Owalah mbak, kula nggih sampun 🤭', OFFICE, 'Agus'), [sticker]).map((f) => f.prohibition)).not.toContain(7);
  });

  it('praising a colleague\'s own pose photo in an office group is office talk (6), not a pose; "me too" is the replier\'s own act', () => {
    const pose = message('Tadi foto pose dua jari bareng Pak Budi di kampanye ✌️', OFFICE, 'Sri');
    expect(evaluate(pack, pose, { region: '3299' }).map((f) => f.prohibition)).toEqual([5]);
    const praise = answer(message('Mantap bu, cocok 👍', OFFICE, 'Agus'), [pose]);
    expect(praise.map((f) => [f.prohibition, f.candidates.map((c) => c.pair)])).toEqual([[6, ['pilkada-2024-3299-02']]]);
    // the same praise in a family group keeps the form of the message it answers
    const familyPose = message('Tadi foto pose dua jari bareng Pak Budi di kampanye ✌️', FAMILY, 'Sri');
    expect(answer(message('Mantap bu, cocok 👍', FAMILY, 'Agus'), [familyPose]).map((f) => f.prohibition)).toEqual([5]);
    // a sticker told, then "me too, on the tank": the replier's own sticker
    const sticker = message('Stiker Budi-Dewi sudah kupasang di motor, keren 😎', OFFICE, 'Sri');
    expect(answer(message('Aku juga udah, di tangki depan 😆', OFFICE, 'Agus'), [sticker]).map((f) => f.prohibition)).toContain(7);
  });

  it('a second "me too" after a first one leans on the call both answer', () => {
    const call = message(CALL);
    const first = message('Setuju pak, aku juga pilih itu 👍', OFFICE, 'Dimas');
    const fs = answer(message('Sepakat, mantap pak', OFFICE, 'Sri'), [first, call]);
    expect(fs.map((f) => f.candidates.map((c) => c.pair))).toEqual([['pilkada-2024-3299-02']]);
    expect(fs[0]!.explanation.en).toContain(CALL.slice(0, 40));
  });

  it('the short name of the message it answers means the pair an earlier message of the chat named', () => {
    // "Kang Budi" alone is anyone called Budi; the chat's earlier ballot list makes it the candidate,
    // for the call read on its own and for the reply that agrees with it
    const list = message('Baraya, KPU tos ngundi nomer. Nomer 1 Fauzi-Siti, 2 Budi-Dewi, 3 Yusuf-Ratna. Urang mah ASN, netral wé nya', OFFICE, 'Dede', '2024-09-23T12:00:00Z');
    const call = message('Sadérék sadaya, tong hilap 27 Nopémber pilih Kang Budi jeung Teh Dewi', OFFICE, 'Asep', '2024-10-05T13:00:00Z');
    const reply = message('Leres pisan kang, abdi ogé ngiringan 💯', OFFICE, 'Nining', '2024-10-05T13:04:00Z');
    const thread: ThreadMessage[] = [{ item: call, via: 'window' }, { item: list, via: 'chat' }];
    const fs = evaluate(pack, reply, { region: '3299', thread });
    expect(fs.map((f) => [f.prohibition, f.candidates.map((c) => c.pair)])).toEqual([[6, ['pilkada-2024-3299-02']]]);
    // without the earlier list the short names name no one, and the reply borrows nothing
    expect(evaluate(pack, reply, { region: '3299', thread: [{ item: call, via: 'window' }] })).toEqual([]);
  });

  it('going along with an office invitation to a rally is attending it (2), though the invitation is the office form', () => {
    const invite = message('Minggon ayeuna aya kampanye akbar Budi-Dewi di lapang Merdeka. Saha nu badé ngiring? Aya kaos gratis', OFFICE, 'Sri');
    expect(evaluate(pack, invite, { region: '3299' }).map((f) => f.prohibition)).toEqual([6]);
    expect(answer(message('Siap kang, meluncur! Titip kaosna hiji', OFFICE, 'Agus'), [invite]).map((f) => f.prohibition)).toEqual([2]);
  });

  it('"siap, dilaksanakan" replying to an instruction to the staff to win a pair is the office form (6)', () => {
    const order = message('Arahan saking Pak Kadis: kabeh staf kudu menangke 02 Budi-Dewi. Tulung dilaksanakake', OFFICE, 'Pak Kabid');
    const f = answer(message('Siap Pak, dilaksanakan 🙏', OFFICE, 'Sigit'), [order], 'reply');
    expect(f.map((x) => x.prohibition)).toContain(6);
    const roster = message('Jadwal piket Sabtu: Sigit, Hendra, Rina. Tulung dilaksanakake', OFFICE, 'Pak Kabid');
    expect(answer(message('Siap Pak, dilaksanakan 🙏', OFFICE, 'Sigit'), [roster], 'reply')).toEqual([]);
  });

  it('a reply naming the pair answers the message that named it, past a warning and an apology between', () => {
    const call = message('Bapak ibu, pilihan kita cuma satu, Yusuf-Ratna nomor 3. Jangan lupa 27 November!', OFFICE, 'Rahman');
    const warning = message('Pak Rahman, jangan bawa-bawa politik di grup kantor ya. Kita ASN', OFFICE, 'Hasna');
    const sorry = message('Ok bu, maaf', OFFICE, 'Rahman');
    const reply = message('Tapi betul itu pak, saya juga nomor 3 😁', OFFICE, 'Dimas');
    expect(answer(reply, [sorry, warning, call]).map((f) => f.prohibition)).toEqual([6]);
    // a reply naming another pair than the call's does not borrow it
    expect(answer(message('Tapi betul itu pak, saya juga nomor 1 😁', OFFICE, 'Dimas'), [sorry, warning, call])).toEqual([]);
  });

  it('an emoji alone between the message and the reply reacts to it: the reply answers the message', () => {
    const rally = message('Tadi sore aku ke kampanye akbar Budi-Dewi di alun-alun, pake kaos nomor 2, ramai sekali', OFFICE, 'Hendri');
    const reply = message('Mantap Hen! Minggu depan ajak aku juga ya', OFFICE, 'Dimas');
    expect(answer(reply, [message('😑😑', OFFICE, 'Nyimas'), rally]).length).toBeGreaterThan(0);
  });

  it('urging the others to follow a colleague into a pair\'s volunteer team recruits them (6)', () => {
    const joined = message('Bu, aku sudah gabung grup relawan Budi-Dewi yang ibu kirim, terima kasih 🙏', OFFICE, 'Ika');
    expect(answer(message('Mantap! Yang lain ayo nyusul gabung, jangan cuma nonton', OFFICE, 'Yati'), [joined]).map((f) => f.prohibition)).toEqual([6]);
  });

  it('"sa mau" after a call for names to a volunteer team joins the team', () => {
    const call = message('Bapa mama, sa su gabung di relawan Fauzi-Siti kecamatan. Yang mau ikut, kasih nama ke sa, nanti dapat kaos dan topi', FAMILY, 'Marthen', '2024-09-29T12:00:00Z');
    expect(answer(message('Sa mau pak, tapi jangan sebut nama sa di sini e', FAMILY, 'Yosef', '2024-09-29T12:05:00Z'), [call]).length).toBeGreaterThan(0);
    const notice = message('Rekap absensi bulan ini dikumpulkan paling lambat tanggal 5 ya', FAMILY, 'Marthen', '2024-09-29T12:00:00Z');
    expect(answer(message('Sa mau pak', FAMILY, 'Yosef', '2024-09-29T12:05:00Z'), [notice])).toEqual([]);
  });

  it('the same reply with no thread, or to a message that takes no side, has no finding', () => {
    expect(evaluate(pack, message('Setuju pak, aku juga pilih itu 👍'), { region: '3299' })).toEqual([]);
    expect(answer(message('Setuju pak, aku ikut', OFFICE, 'Dimas'), [message('Rapat koordinasi BOS hari Kamis jam 9 di aula dinas, mohon hadir')])).toEqual([]);
    expect(answer(message('Ikut pak, meluncur', OFFICE, 'Sri'), [message('Ada yang mau ikut makan bakso di depan kantor?')])).toEqual([]);
    expect(answer(message('Mantap, siap kawal', FAMILY, 'Udin'), [message(NEWS, FAMILY)])).toEqual([]);
  });
});

describe('replies that stay clean after a partisan message', () => {
  const call = () => message(CALL);
  const read = (text: string) => {
    const v = prepareItem(pack, message(text), {});
    const f = v.fields.find((x) => x.field === 'text')!;
    return readReply(f.norm, f.hits, pack);
  };
  it('acknowledging, an emoji, apologising, declining', () => {
    for (const t of ['Ok pak', 'Siap bu, noted', '👍🔥', 'Maaf pak, Sabtu saya piket, nggak ikut', 'Aku ora melu, rahasia 🤭']) {
      expect(answer(message(t, OFFICE, 'Dimas'), [call()]), t).toEqual([]);
    }
  });

  it('a colleague named as the one who joins tells that colleague\'s act, not the writer\'s; a title with a comma is an address', () => {
    for (const t of ['Lho Bu Sari malah melu 😂', 'Pak Darto juga ikut, rame']) {
      expect(read(t).sides, t).toBeUndefined();
      expect(answer(message(t, FAMILY, 'Dimas'), [message(RALLY, FAMILY)]), t).toEqual([]);
    }
    for (const t of ['Siap bu, melu', 'Bu, aku melu', 'Pak aku juga ikut']) {
      expect(read(t).sides, t).toBeDefined();
      expect(answer(message(t, FAMILY, 'Dimas'), [message(RALLY, FAMILY)]).map((f) => f.prohibition), t).toEqual([2]);
    }
  });

  it('forbidding the act the message told ("jangan dipake ke kantor", "ulah dipasang") takes nothing up', () => {
    const shirt = message('Ikut jalan sehat bareng relawan Budi-Dewi tadi pagi, dapet kaos nomor 2 😍', OFFICE, 'Wulan');
    for (const t of ['Kaosnya jangan dipake ke kantor ya mbak 😂', 'Ulah dipake ka kantor nya teh']) {
      expect(read(t).declines, t).toBe(true);
      expect(answer(message(t, OFFICE, 'Rio'), [shirt]), t).toEqual([]);
    }
    // the same reply without the prohibitive still takes the shirt up
    expect(answer(message('Kaosnya dipake ke kantor ya mbak 😂', OFFICE, 'Rio'), [shirt]).length).toBeGreaterThan(0);
  });

  it('agreeing with a colleague\'s warning that came after the call', () => {
    const warning = message('Bapak ibu, ini grup dinas, tolong jangan kampanye di sini. ASN wajib netral', OFFICE, 'Ratih');
    expect(answer(message('Setuju bu, grup ini untuk urusan kantor saja', OFFICE, 'Eko'), [warning, call()])).toEqual([]);
  });

  it('a work notice in between is the topic, not the call before it', () => {
    const notice = message('Rapat KKG sesuk jam 8 nggih', OFFICE, 'Dedi');
    expect(answer(message('Nggih pak, aku melu rapat', OFFICE, 'Bayu'), [notice, call()])).toEqual([]);
  });

  it('naming the sender of the warning answers the warning, not the call before it', () => {
    const warning = message('Bapak ibu, ini grup dinas, tolong jangan kampanye di sini. ASN wajib netral', OFFICE, 'Ratih Kusuma');
    expect(answer(message('Setuju bu Ratih 👍', OFFICE, 'Eko'), [warning, message(CALL, OFFICE, 'Marthen Kogoya')])).toEqual([]);
  });
});

describe('a reply that names the colleague it answers', () => {
  it('takes the side of that colleague\'s call although a warning came in between', () => {
    const warning = message('Ade, tra boleh kampanye di grup kantor. Kitong ASN harus netral', OFFICE, 'Mama Yosina');
    const call = message(CALL, OFFICE, 'Marthen Kogoya');
    const reply = message('Sa ikut ade Marthen 👍', OFFICE, 'Obed');
    expect(answer(reply, [warning, call]).map((f) => f.prohibition)).toContain(6);
    // without the name the newest message, the warning, is what it answers
    expect(answer(message('Sa ikut 👍', OFFICE, 'Obed'), [warning, call])).toEqual([]);
  });

  it('an address term alone ("ade", "pak") names no one', () => {
    const warning = message('Ade, tra boleh kampanye di grup kantor. Kitong ASN harus netral', OFFICE, 'Mama Yosina');
    const call = message(CALL, OFFICE, 'Ade Marthen');
    expect(answer(message('Sa ikut ade 👍', OFFICE, 'Obed'), [warning, call])).toEqual([]);
  });
});

describe('an offer that goes on with its sender\'s own message', () => {
  it('"siapa mau ambil" naming nothing, right after the same sender\'s sticker message, is the office offer (6) of that pair', () => {
    const own = message('Stiker Budi-Dewi sudah kutempel di belakang mobilku, keren warnanya 😎', OFFICE, 'Ilham');
    const between = message('Sama, di helmku juga ada 😁', OFFICE, 'Rusdi');
    const offer = answer(message('Masih banyak stikernya di laci mejaku, siapa mau ambil saja, gratis', OFFICE, 'Ilham'), [between, own]);
    expect(offer.map((f) => f.prohibition)).toEqual([6]);
    expect(offer[0]?.candidates.map((c) => c.pair)).toEqual(['pilkada-2024-3299-02']);
  });

  it('the same offer by another member, or the same sender with no offer, borrows nothing', () => {
    const own = message('Stiker Budi-Dewi sudah kutempel di belakang mobilku, keren warnanya 😎', OFFICE, 'Ilham');
    expect(answer(message('Masih banyak stiker di laci mejaku, siapa mau ambil saja, gratis', OFFICE, 'Rusdi'), [own])).toEqual([]);
    expect(answer(message('Masih banyak stikernya di laci mejaku, nanti kubuang saja', OFFICE, 'Ilham'), [own])).toEqual([]);
  });
});

describe('a reply of the pair\'s own hand sign only', () => {
  it('takes the side of the pair whose sign it is', () => {
    const found = answer(message('✌️✌️✌️', OFFICE, 'Stevi'), [message(CALL)]);
    expect(found.map((f) => f.prohibition)).toContain(6);
    expect(found.flatMap((f) => f.candidates.map((c) => c.pair))).toEqual(expect.arrayContaining(['pilkada-2024-3299-02']));
  });

  it('another pair\'s sign, or any other emoji alone, borrows nothing', () => {
    expect(answer(message('☝️☝️', OFFICE, 'Stevi'), [message(CALL)])).toEqual([]);
    expect(answer(message('👍🔥', OFFICE, 'Stevi'), [message(CALL)])).toEqual([]);
  });
});

describe('Batak Toba agreement', () => {
  it('"au pe sarupa" (me too, the same) takes the side of the call it answers', () => {
    expect(answer(message('Mauliate amang, au pe sarupa 😎', OFFICE, 'Hotman'), [message(CALL)]).map((f) => f.prohibition)).toContain(6);
  });
});

describe('a reply with an act of its own that instructs the colleague', () => {
  const told = () => message('Barusan pulang dari kampanye Ustadz Yusuf di Kelurahan Sukamulya, ramai skali, kita dapa kaos Yusuf-Ratna 🤙', OFFICE, 'Fadli');
  it('"wear it to the office tomorrow" is the office form, leaning on the message it answers', () => {
    const found = answer(message('Mantap om! Bsok pake kaos itu ke kantor, biar dong lia 😂', OFFICE, 'Rahman'), [told()]);
    expect(found.map((f) => f.prohibition)).toEqual([6]);
    expect(found[0]?.explanation.en).toContain('Read together with');
  });
  it('"me too, I wore mine" keeps the shirt form', () => {
    expect(answer(message('Aku juga udah pake kaosnya tadi pagi 😁', OFFICE, 'Rahman'), [told()]).map((f) => f.prohibition)).not.toContain(6);
  });
});

describe('regional agreement words', () => {
  it('Minang "sapakaik", Sundanese "sapuk", Javanese "sarujuk" take the side of the call they answer', () => {
    for (const t of ['Sapakaik da, lah tabukti karajonyo 👍', 'Sapuk pa, leres pisan', 'Sarujuk mas 👍']) {
      expect(answer(message(t, OFFICE, 'Rizal'), [message(CALL)]).map((f) => f.prohibition)).toContain(6);
    }
  });
  it('the same words after a work notice borrow nothing', () => {
    expect(answer(message('Sapakaik da', OFFICE, 'Rizal'), [message('Rapat evaluasi kinerja hari Kamis jam 9 di aula dinas')])).toEqual([]);
  });
});

describe('a reply that hands the act it answers on to others', () => {
  const read = (text: string) => {
    const v = prepareItem(pack, message(text), {});
    const f = v.fields.find((x) => x.field === 'text')!;
    return readReply(f.norm, f.hits, pack);
  };

  it('"ajak … yang lain", "bagikan ke tetangga", "bawa buat anak-anak" accept and urge the act on the others', () => {
    for (const t of ['Ikut lah, ajak juga teman-teman yang lain', 'Boleh pak, bawa saja 3, bagikan juga ke tetangga', 'Masih, ambil di laci, bawa juga buat anak-anak honorer', 'Mangga, ngajak batur-batur nu sanes']) {
      const r = read(t);
      expect(r.extends, t).toBe(true);
      expect(r.urges, t).toBe(true);
      expect(r.declines, t).toBe(false);
      expect(r.sides, t).toBeDefined();
    }
  });

  it('forbidding the handing on, or picking "the other one", is no extension', () => {
    expect(read('Jangan pak, jangan dibagi ke tetangga').extends).toBeUndefined();
    expect(read('Ambo piliah nan lain Jo').declines).toBe(true);
    expect(read('Ok noted bu').extends).toBeUndefined();
  });

  it('taking one\'s own family along is the replier\'s own going, not the act handed on', () => {
    for (const t of ['Aku ikut pak, sekalian bawa anak-anak', 'Siap bu, saya bawa istri dan anak', 'Siap, ajak keluarga sekalian']) expect(read(t).extends, t).toBeUndefined();
  });

  it('a question about a pair\'s calendar answered "yes, share it with the neighbours" is the office form (6) of that pair', () => {
    const asked = message('Bu, kalender Budi-Dewi yang di ruang TU boleh dibawa pulang?', OFFICE, 'Tati');
    const found = answer(message('Boleh pak, bawa saja 3, bagikan juga ke tetangga 😊', OFFICE, 'Endang'), [asked]);
    expect(found.map((f) => f.prohibition)).toEqual([6]);
    expect(found[0]?.candidates.map((c) => c.pair)).toEqual(['pilkada-2024-3299-02']);
  });

  it('a rally invitation accepted and handed on to the colleagues is the office form (6), not the replier\'s attendance alone', () => {
    const asked = message('Kang, kampanye akbar Budi-Dewi di lapangan Sukamaju hari Minggu, kau ikut?', OFFICE, 'Tigor');
    expect(answer(message('Ikut lah, ajak juga kawan-kawan guru, kita pakai mobil kantor', OFFICE, 'Maruli'), [asked]).map((f) => f.prohibition)).toEqual([6]);
  });

  it('a refusal, "ok noted" to a work notice and an arisan invitation handed on borrow nothing', () => {
    const asked = message('Bu, kalender Budi-Dewi yang di ruang TU boleh dibawa pulang?', OFFICE, 'Tati');
    expect(answer(message('Jangan bu, jangan dibagi ke tetangga juga, kita ASN harus netral', OFFICE, 'Endang'), [asked])).toEqual([]);
    expect(answer(message('Ok noted bu', OFFICE, 'Endang'), [message('Rapat evaluasi kinerja hari Kamis jam 9 di aula dinas', OFFICE, 'Tati')])).toEqual([]);
    const arisan = message('Bu, arisan bulan ini di rumah saya hari Sabtu, boleh ajak teman?', OFFICE, 'Tati');
    expect(answer(message('Boleh bu, ajak juga teman-teman yang lain 😊', OFFICE, 'Endang'), [arisan])).toEqual([]);
  });
});

describe('a reply that includes its writer in the outing it answers (self-inclusion)', () => {
  const read = (text: string) => {
    const v = prepareItem(pack, message(text), {});
    const f = v.fields.find((x) => x.field === 'text')!;
    return readReply(f.norm, f.hits, pack);
  };
  const RT = { kind: 'group' as const, name: 'Warga RT 05' };

  it('the writer\'s "I" or an inclusive "we" right before a verb of going along, or the verb before a closing "we", answers and takes the side', () => {
    for (const t of ["Sengko' norok, mole dhari dines langsong ka lapangan", 'Kita iko! Nanti kita ajak le dokter2 laeng', 'Ulun umpat jua', 'Kula nderek, Pak', 'Pergi kita bu']) {
      const r = read(t);
      expect(r.answers, t).toBe(true);
      expect(r.sides, t).toBeDefined();
      expect(r.declines, t).toBe(false);
    }
  });

  it('a denied going declines; the Minang "iko" (this) and "torang iko" followed by an object are not read so', () => {
    expect(read('Kami tidak ikut pak').declines).toBe(true);
    expect(read('Iko baa caronyo pak').sides).toBeUndefined();
    expect(read('Pigi torang pe rumah dulu').sides).toBeUndefined();
  });

  it('a Madurese rally invitation answered "sengko\' norok" is the replier\'s attendance of that pair', () => {
    const asked = message("Dulur kabbhi, lagghu' bâdâ kampanye Ra Budi è lapangan Sukamulya, ayo entar bhârengan", RT, 'Matrawi');
    const found = answer(message("Sengko' norok, mole dhari dines langsong ka lapangan", RT, 'Sumarni'), [asked]);
    expect(found.map((f) => f.prohibition)).toEqual([2]);
    expect(found[0]?.candidates.map((c) => c.pair)).toEqual(['pilkada-2024-3299-02']);
  });

  it('the same reply to an arisan or a work outing borrows nothing', () => {
    const arisan = message('Minggu arisan di rumah Bu Tini jam 4, sekalian jalan sehat bareng', RT, 'Matrawi');
    expect(answer(message("Sengko' norok, mole dhari dines", RT, 'Sumarni'), [arisan])).toEqual([]);
    const work = message('Besok kunjungan kerja ke Puskesmas Sukamulya, berangkat jam 7 dari kantor', OFFICE, 'Tigor');
    expect(answer(message('Kita iko!', OFFICE, 'Maruli'), [work])).toEqual([]);
  });
});

describe('a reply that echoes the act it answers in the act\'s own words', () => {
  const KTP = 'Sakantenan, pesen ti luhur, unggal bidang kedah ngempelkeun 30 fotokopi KTP kanggo relawan Budi-Dewi';

  it('"siap, I will collect the staff\'s KTP" after a KTP collection for a pair\'s team is the office form (6) of that pair', () => {
    const found = answer(message('Siap pa, engke ku abdi dikempelkeun KTP barudak TU, dikintun sonten', OFFICE, 'Endang'), [message(KTP, OFFICE, 'Tati')]);
    expect(found.map((f) => f.prohibition)).toEqual([6]);
    expect(found[0]?.candidates.map((c) => c.pair)).toEqual(['pilkada-2024-3299-02']);
    // the finding is the replier's, quoting the message it leaned on
    expect(found[0]?.explanation.en).toContain('Sakantenan');
  });

  it('the same words after a collection for the BPJS data, or denied, echo nothing', () => {
    const bpjs = message('Sakantenan, unggal bidang kedah ngempelkeun fotokopi KTP kanggo data BPJS pagawe', OFFICE, 'Tati');
    expect(answer(message('Siap pa, engke ku abdi dikempelkeun KTP barudak TU', OFFICE, 'Endang'), [bpjs])).toEqual([]);
    expect(answer(message('Siap pa, KTP barudak TU teu acan dikempelkeun', OFFICE, 'Endang'), [message(KTP, OFFICE, 'Tati')])).toEqual([]);
  });
});

describe('a reply that opens with a short echo question and answers it itself', () => {
  const CALL03 = 'Abdi mah ngiringan Pa Ganjar-Mahfud wae, nu penting puskesmas di desa kagungan dokter. Sok bapa ibu ge 03 nya, moal rugi';
  const read = (text: string) => {
    const v = prepareItem(pack, message(text), {});
    const f = v.fields.find((x) => x.field === 'text')!;
    return readReply(f.norm, f.hits, pack);
  };

  it('is read from its answer: "Kitu pa? Nya atuh abdi nuturkeun" takes the side of the call (6)', () => {
    const r = read('Kitu pa? Nya atuh abdi nuturkeun 👌');
    expect(r.declines).toBe(false);
    expect(r.sides).toBeDefined();
    const found = answer(message('Kitu pa? Nya atuh abdi nuturkeun, kaleresan salaki ge resep ka anjeunna 👌', OFFICE, 'Euis'), [message(CALL03, OFFICE, 'Dadang')]);
    expect(found.map((f) => f.prohibition)).toEqual([6]);
    expect(found[0]?.candidates.map((c) => c.pair)).toEqual(['pilpres-2024-03']);
  });

  it('an answer that declines, a second question, or a long question stays a question or a refusal', () => {
    expect(read('Serius? Aku nggak ikut ah').declines).toBe(true);
    expect(read('Jam berapa? siapa yang ikut?').declines).toBe(true);
    expect(read('Pak, ini kampanye yang mana ya? aku ikut').declines).toBe(true);
  });
});

describe('a reply that says yes to the rally or debate it answers with the writer\'s own verb of going along', () => {
  const read = (text: string) => {
    const v = prepareItem(pack, message(text), {});
    const f = v.fields.find((x) => x.field === 'text')!;
    return readReply(f.norm, f.hits, pack);
  };
  const SCHOOL = { kind: 'group' as const, name: 'Guru SMA Negeri 2 Balige' };
  const PAMONG = { kind: 'group' as const, name: 'Pamong Kalurahan Bleberan' };
  const ACEH = { kind: 'group' as const, name: 'Ureueng Aceh di Sukamaju' };

  it('reads the attendance verb after a reply word, the writer\'s "I" or a "we", when it closes its clause', () => {
    for (const t of ['Inggih tindak pak', 'Siap hadir!', 'Siap datang pak', 'Aku datang', 'Abdi angkat, kang', 'Pergi kita bu', 'Lon jak bang', 'Siap mbudhal pak']) expect(read(t).goes, t).toBeDefined();
    // the verb going on with an object or an adverb of its own, denied, or with no subject before it
    for (const t of ['Siap tindak lanjuti pak', 'Aku jalan dulu ya', 'Saya tidak hadir pak', 'Hadir pak', 'Jalan ditutup bu']) expect(read(t).goes, t).toBeUndefined();
    // a verb of setting out takes no side by itself: only its act is read
    expect(read('Inggih tindak pak').sides).toBeUndefined();
  });

  it('"Pergi kita bu" to "… kampanye Ganjar …, kita pergi?" in a school group, handed on to the colleagues, is the office form (6) of that pair', () => {
    const asked = message('Pak, ada kampanye Ganjar di Balige hari Sabtu, kita pergi?', SCHOOL, 'Bu Rosmaida', '2024-01-20T03:00:00Z');
    const found = answer(message('Pergi kita bu, ajak guru-guru yang lain, kusewa nanti satu mobil', SCHOOL, 'Maruli', '2024-01-20T03:05:00Z'), [asked], 'reply');
    expect(found.map((f) => f.prohibition)).toEqual([6]);
    expect(found[0]?.candidates.map((c) => c.pair)).toEqual(['pilpres-2024-03']);
  });

  it('"Inggih tindak pak" to a krama question about a pair\'s rally is the replier\'s attendance (2), the verb named and the question quoted', () => {
    const asked = message('Pak carik, Ahad kampanye Mas Gibran wonten alun-alun Wonosari, pamong badhe tindak?', PAMONG, 'Pak Jagabaya', '2024-01-20T03:00:00Z');
    const found = answer(message('Inggih tindak pak, kula sampun nyewa colt', PAMONG, 'Suparno', '2024-01-20T03:05:00Z'), [asked]);
    expect(found.map((f) => f.prohibition)).toEqual([2]);
    const f = found[0]!;
    expect(f.candidates.map((c) => c.pair)).toEqual(['pilpres-2024-02']);
    expect(f.spans.filter((s) => s.field === 'text').map((s) => s.text)).toContain('tindak');
    expect(f.spans.filter((s) => s.field === 'thread').map((s) => s.text)).toContain('kampanye');
    expect(f.explanation.en).toContain('pamong badhe tindak');
  });

  it('"Lon jak bang" to an Acehnese question about going to a pair\'s debate is attending the debate (8)', () => {
    const asked = message('Na soe nyang jeut jak nonton debat ketiga di pendopo? Tim Fauzi-Siti na tiket keu pendukung', ACEH, 'Bang Iskandar');
    const found = answer(message('Lon jak bang, boh nan lon lam daftar', ACEH, 'Teuku Fadhli'), [asked], 'reply');
    expect(found.map((f) => f.prohibition)).toEqual([8]);
    expect(found[0]?.candidates.map((c) => c.pair)).toEqual(['pilkada-2024-3299-01']);
  });

  it('the same yes to an arisan, a work meeting or an order about a rally borrows nothing', () => {
    const RT = { kind: 'group' as const, name: 'Warga RT 05' };
    expect(answer(message('Siap hadir bu', RT, 'Sumarni'), [message('Minggu arisan di rumah Bu Tini jam 4', RT, 'Bu Tini')])).toEqual([]);
    expect(answer(message('Inggih tindak pak', OFFICE, 'Suparno'), [message('Rapat koordinasi PPS Senin jam 9 wonten kantor kecamatan, sedaya pamong tindak', OFFICE, 'Pak Carik')])).toEqual([]);
    expect(answer(message('Siap tindak lanjuti pak', OFFICE, 'Agus'), [message('Besok kampanye akbar Budi-Dewi di alun-alun, ASN yang ketahuan ikut dilaporkan', OFFICE, 'Pak Camat')])).toEqual([]);
  });
});

describe('a yes to an invitation to a pair\'s event takes the side the act has by its nature', () => {
  const KELURAHAN = { kind: 'group' as const, name: 'Staf Kelurahan Ketabang' };
  const side = (found: ReturnType<typeof answer>, pair: string) => found.flatMap((f) => f.candidates).find((c) => c.pair === pair)?.stance;

  it('"Melu, aku wis nyiapno mobil" and "aku yo melu" to "kampanye Ganjar …, koen melu a?" support that pair; the question alone shows no side', () => {
    const asked = message('Cak, sesuk kampanye Ganjar nang Tugu Pahlawan, koen melu a?', KELURAHAN, 'Yayuk');
    expect(side(answer(asked, []), 'pilpres-2024-03')).toBe('mention');
    for (const t of ['Melu, aku wis nyiapno mobil', 'Aku yo melu']) {
      const found = answer(message(t, KELURAHAN, 'Heru'), [asked], 'reply');
      expect(found.map((f) => f.prohibition), t).toEqual([2]);
      expect(side(found, 'pilpres-2024-03'), t).toBe('support');
      // the finding still names the question it answered
      expect(found[0]!.explanation.en, t).toContain('koen melu a');
    }
  });

  it('a refusal, a question back or a yes to a warning about the rally takes no side', () => {
    const asked = message('Cak, sesuk kampanye Ganjar nang Tugu Pahlawan, koen melu a?', KELURAHAN, 'Yayuk');
    expect(answer(message('Aku ora melu cak', KELURAHAN, 'Heru'), [asked], 'reply')).toEqual([]);
    expect(answer(message('Melu a?', KELURAHAN, 'Heru'), [asked], 'reply').flatMap((f) => f.candidates).every((c) => c.stance !== 'support')).toBe(true);
    const warned = message('Sesuk kampanye Ganjar nang Tugu Pahlawan, ojo melu yo, ASN kudu netral', KELURAHAN, 'Pak Lurah');
    expect(answer(message('Siap pak', KELURAHAN, 'Heru'), [warned], 'reply').flatMap((f) => f.candidates).every((c) => c.stance !== 'support')).toBe(true);
  });
});

describe('a pair\'s goods handed over on request (t6-ajakan v40)', () => {
  it('a yes-word and a take verb answering a colleague who asks for a pair\'s shirt hand it over at the office (6)', () => {
    const asked = message('Mpok, kaus Budi-Dewi masih ada kagak? aye mau satu', OFFICE, 'Udin');
    const found = answer(message('Siap Din, ambil dah dua di meja aye', OFFICE, 'Romlah'), [asked], 'reply');
    expect(found.map((f) => f.prohibition)).toContain(6);
    expect(found.flatMap((f) => f.candidates).some((c) => c.pair === 'pilkada-2024-3299-02')).toBe(true);
  });

  it('the same yes-word answering a request about work hands nothing of a pair\'s', () => {
    const asked = message('Mpok, map laporan bulanan masih ada kagak? aye mau satu', OFFICE, 'Udin');
    expect(answer(message('Siap Din, ambil dah dua di meja aye', OFFICE, 'Romlah'), [asked], 'reply')).toEqual([]);
  });
});
