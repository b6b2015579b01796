// KPU ballot names → what people type: titles, degrees and initials go, nicknames come in.
import { describe, expect, it } from 'vitest';
import { callNames, leadingNames, parseKpuPersonName, personForms, splitKpuPairName } from '../../src/registry/person-name.js';

function forms(raw: string) {
  return personForms(parseKpuPersonName(raw));
}

describe('parseKpuPersonName', () => {
  it('strips religious and academic titles, degrees and initials ("Dr. H. MARTEN A. TAHA, S.E., M.Ec.Dev.")', () => {
    const name = parseKpuPersonName('Dr. H. MARTEN A. TAHA, S.E., M.Ec.Dev.');
    expect(name.display).toBe('Marten A. Taha');
    expect(name.words).toEqual(['marten', 'taha']);
  });

  it('splits titles glued to the name ("Ir.H.JAYA") and keeps apostrophes in the name', () => {
    const name = parseKpuPersonName("Ir.H.JAYA IBNU SU'UD, ST");
    expect(name.display).toBe("Jaya Ibnu Su'ud");
    expect(name.words).toEqual(['jaya', 'ibnu', "su'ud"]);
  });

  it('drops military ranks, "(Purn.)" and "K.H." but keeps abbreviated first names out of the words', () => {
    expect(parseKpuPersonName('Jenderal TNI (Purn.) H. ANDIKA M PERKASA, S.E., M.A., M.Sc.').words).toEqual([
      'andika',
      'perkasa',
    ]);
    const kh = parseKpuPersonName('K.H. MUH. SYIBLI SAHABUDDIN');
    expect(kh.display).toBe('Muh. Syibli Sahabuddin');
    expect(kh.words).toEqual(['syibli', 'sahabuddin']);
  });

  it('reads a parenthesised part or "ALIAS …" as a nickname, but not a person called Alias', () => {
    expect(parseKpuPersonName('H. RANO KARNO, S.IP. (SI DOEL)').nicknames).toEqual(['si doel']);
    const hendi = parseKpuPersonName('Dr. H. HENDRAR PRIHADI ALIAS HENDI, S.E., M.M.');
    expect(hendi.words).toEqual(['hendrar', 'prihadi']);
    expect(hendi.nicknames).toEqual(['hendi']);
    expect(parseKpuPersonName('H. ALIAS WELLO, S.I.P., M.Tr.I.P.').display).toBe('Alias Wello');
    expect(parseKpuPersonName('dr. WAHDI, Sp.OG (K), M.H.').nicknames).toEqual([]);
    const hans = parseKpuPersonName('ZAHRUL AZHAR ASUMTA GUS HANS, S.IP., M. Kes.');
    expect(hans.words).toEqual(['zahrul', 'azhar', 'asumta']);
    expect(hans.nicknames).toEqual(['gus hans']);
  });

  it('treats a no-break space like a space and keeps mixed-case names as written', () => {
    expect(parseKpuPersonName('H. RIDWAN SAPUTRA\u00a0MAKKATUTU, S.H.').words).toEqual(['ridwan', 'saputra', 'makkatutu']);
    expect(parseKpuPersonName('dr. H. Muchamad Nur Azis, Sp. PD').display).toBe('Muchamad Nur Azis');
  });
});

describe('personForms', () => {
  it('gives the full name as a form and a short or common last name only as ambiguous', () => {
    const taha = forms('Dr. H. MARTEN A. TAHA, S.E., M.Ec.Dev.');
    expect(taha.forms).toEqual(['marten taha']);
    expect(taha.ambiguous).toEqual(['taha', 'marten']);
    const perkasa = forms('Jenderal TNI (Purn.) H. ANDIKA M PERKASA, S.E.');
    expect(perkasa.forms).toEqual(['andika perkasa']);
    expect(perkasa.ambiguous).toContain('perkasa');
  });

  it('adds given + last name for long names, skipping particles like "Muhammad"', () => {
    const bobby = forms('MUHAMMAD BOBBY AFIF NASUTION, S.E., M.M.');
    expect(bobby.forms).toEqual(['muhammad bobby afif nasution', 'bobby nasution']);
    expect(bobby.ambiguous).toEqual(['nasution', 'bobby']);
  });

  it('keeps a distinctive last name and multi-word nicknames as forms, one-word common nicknames as ambiguous', () => {
    const rano = forms('H. RANO KARNO, S.IP. (SI DOEL)');
    expect(rano.forms).toEqual(['rano karno', 'karno', 'si doel']);
    expect(forms('Dr. H. HENDRAR PRIHADI ALIAS HENDI, S.E.').ambiguous).toContain('hendi');
  });

  it('never makes a particle-only name ("MUHAMMAD") a form', () => {
    const result = forms('MUHAMMAD, S.E. (AMAD LEUMBENG)');
    expect(result.forms).toEqual(['amad leumbeng']);
    expect(result.ambiguous).toEqual(['muhammad']);
  });

  it('lists a name with an apostrophe also without it', () => {
    expect(forms("H. RUDY MAS'UD, S.E., M.E.").forms).toEqual(["rudy mas'ud", 'rudy masud', "mas'ud", 'masud']);
  });
});

describe('splitKpuPairName', () => {
  it('splits "CALON - WAKIL" at the spaced dash only', () => {
    expect(splitKpuPairName('MUHAMMAD \'ASHIM ADZ-DZORIF FIKRI - H. HARNO, S.E.')).toEqual([
      "MUHAMMAD 'ASHIM ADZ-DZORIF FIKRI",
      'H. HARNO, S.E.',
    ]);
    expect(splitKpuPairName('KOLOM KOSONG - ')).toEqual(['KOLOM KOSONG']);
  });
});

describe('callNames and leadingNames', () => {
  const titles = new Set(['gus', 'ayah', 'pak']);
  it('calls a person by the given name and each nickname\'s first word, not a title or everyday word', () => {
    expect(callNames(parseKpuPersonName('HENDRAR PRIHADI ALIAS HENDI'), titles)).toEqual(['hendrar', 'hendi']);
    expect(callNames(parseKpuPersonName('A. S. SUKAWIJAYA (YOYOK SUKAWI)'), titles)).toEqual(['sukawijaya', 'yoyok']);
    expect(callNames(parseKpuPersonName('H. MUHAMMAD TARMIZI (AYAH PANYANG)'), titles)).toEqual(['tarmizi']);
    expect(callNames(parseKpuPersonName('ZAHRUL AZHAR ASUMTA GUS HANS'), titles)).toEqual(['zahrul']);
  });

  it('gives the two leading words of a long name only when both are plain name words', () => {
    expect(leadingNames(parseKpuPersonName('AGUSTINA WILUJENG PRAMESTUTI'))).toBe('agustina wilujeng');
    expect(leadingNames(parseKpuPersonName('MUHAMMAD ALI HASAN'))).toBeUndefined();
    expect(leadingNames(parseKpuPersonName('HIRONIMUS MAU BERE'))).toBeUndefined();
    expect(leadingNames(parseKpuPersonName('TRI ADHIANTO TJAHYONO'))).toBeUndefined();
    expect(leadingNames(parseKpuPersonName('IWAN SETIAWAN'))).toBeUndefined();
  });
});
