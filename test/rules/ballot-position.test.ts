// A pair's place on the ballot said instead of its number ("coblos yg paling kiri"): KPU ballots
// set the pairs out by number from left to right, so the forms follow the registry's numbers.
import { describe, expect, it } from 'vitest';
import { ballotPositionForms } from '../../src/rules/registry.js';

describe('ballotPositionForms', () => {
  it('gives three pairs left, middle and right by number', () => {
    const forms = ballotPositionForms([3, 1, 2]);
    expect(forms.get(1)).toContain('coblos yg paling kiri');
    expect(forms.get(2)).toContain('coblos yang di tengah');
    expect(forms.get(3)).toContain('nyoblos yang sebelah kanan');
    expect(forms.get(1)?.some((f) => f.includes('kanan') || f.includes('tengah'))).toBe(false);
  });

  it('gives two pairs left and right, no middle', () => {
    const forms = ballotPositionForms([1, 2]);
    expect(forms.get(1)).toContain('contreng yang kiri');
    expect(forms.get(2)).toContain('tusuk yang paling kanan');
    expect([...forms.values()].flat().some((f) => f.includes('tengah'))).toBe(false);
  });

  it('gives a single pair (against the empty box) no place, and never uses "pilih"', () => {
    expect(ballotPositionForms([1]).size).toBe(0);
    expect([...ballotPositionForms([1, 2, 3]).values()].flat().some((f) => f.startsWith('pilih'))).toBe(false);
  });
});
