// Prospective candidates in KPU's imported lists (stop 52): their watch window opens with the
// independent candidates' support stage (5 May 2024), but until pair registration opens (27 Aug) a
// post naming one counts only when it speaks of the candidacy: the lists do not say who holds an
// office, and a sitting official is then at work. Registries: the invented KPU governor lists of
// fixtures/kpu/callnames (province 33: 01 Wiranto Gunawan – Salimin).
import { describe, expect, it } from 'vitest';
import { makeItem } from '../../src/model/item.js';
import { evaluate } from '../../src/rules/evaluate.js';
import { importKpu } from '../../src/registry/kpu.js';
import { kpuSample } from './kpu-sample.js';
import { join } from 'node:path';

const sample = kpuSample('callnames');
const at = (time: string, text: string) => evaluate(sample.pack(), makeItem({ platform: 'facebook', kind: 'post', text, time, source: { captureId: 'c', path: 'p', pointer: '/0' } }), { region: '3374' });
const pairs = (time: string, text: string) => at(time, text).flatMap((f) => f.candidates.map((c) => c.pair));

const JULY = '2024-07-15T05:00:00Z';
const APRIL = '2024-04-10T05:00:00Z';
const OCTOBER = '2024-10-15T05:00:00Z';

describe('prospective candidates before pair registration (KPU lists)', () => {
  it('writes the support stage as the window’s start and registration as a date of its own', async () => {
    const [race] = await importKpu([join(import.meta.dirname, '../../fixtures/kpu/callnames/pkwkp.json')]);
    expect(race?.election.dates.watch_from).toBe('2024-05-05');
    expect(race?.election.dates.registration).toBe('2024-08-27');
  });

  it('reads a post that speaks of the candidacy, on the ethics track', () => {
    const found = at(JULY, 'Kalau Pak Wiranto Gunawan jadi maju gubernur, awak sekeluarga siap dukung full!');
    expect(found.flatMap((f) => f.candidates.map((c) => c.pair))).toContain('pilkada-2024-33-01');
    expect(found.every((f) => f.track === 'etik')).toBe(true);
    expect(pairs(JULY, 'Siap jadi relawan Pak Wiranto Gunawan dari sekarang!')).toContain('pilkada-2024-33-01');
  });

  it('leaves a post that names the candidate without a candidacy before registration', () => {
    const text = 'Dukung terus Pak Wiranto Gunawan, sukses selalu pak! 💪';
    expect(pairs(JULY, text)).toEqual([]);
    // the same words once registration opened, and before the window not at all
    expect(pairs(OCTOBER, text)).toContain('pilkada-2024-33-01');
    expect(pairs(APRIL, 'Kalau Pak Wiranto Gunawan jadi maju gubernur, awak sekeluarga siap dukung full!')).toEqual([]);
  });
});
