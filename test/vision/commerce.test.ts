// Numbers printed to sell something (commerce.ts): a price, a size, an offer or a menu makes a
// printed number a product's, not a ballot number — unless the print names a pair by identity
// (reader.ts; scanned on drawn ads in scenes-s47.test.ts).
import { describe, expect, it } from 'vitest';
import { sellsSomething } from '../../src/vision/commerce.js';

describe('sellsSomething', () => {
  it('reads a price, a size with its unit, an offer or a menu', () => {
    for (const t of ['KOPI SUSU AREN\nPilih nomor 1\nRp 18.000', 'Paket nomor 2 Rp25rb', 'ES TEH 500 ml', 'NOMOR SATU 1 L', 'PROMO DISKON 20%', 'MENU HEMAT', 'Beli 2 gratis 1', 'harga 15 ribu', 'IDR 25'])
      expect(sellsSomething(t), t).toBe(true);
  });

  it('leaves campaign print alone: a ballot call, a slogan of free school or cheap food, a year', () => {
    for (const t of ['COBLOS NOMOR 3\nSukamaju Bangkit', 'PILIH NOMOR 2\nSekolah gratis, sembako murah', 'Harga turun, pilih 02', 'PEMILU 2024', 'No. 2', 'JUARA 1 LOMBA TARIK TAMBANG', 'Jl. Melati No. 2'])
      expect(sellsSomething(t), t).toBe(false);
  });
});
