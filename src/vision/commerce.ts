// Print that sells something: a price, a size or quantity, an offer or a menu. Shops print numbers
// as often as campaigns do — "Pilih nomor 1 untuk rasa terbaik", "Paket 2 Rp 25.000", "nomor satu
// 500 ml" — and there the number is a product's, a size's or a menu line's, not a ballot number.
// reader.ts reads no printed number as a ballot number where the print sells something and names
// no pair by identity. Read on the whole print, upper-cased; each cue is a whole word next to a
// number, or a word no campaign prints (a discount, a menu, a delivery fee).

// A price: "Rp 18.000", "Rp18rb", "IDR 25", "15rb", "20 ribu", "12K".
const PRICE = [/\b(?:RP|IDR)\.?\s*\d/u, /\b\d+(?:[.,]\d{3})*\s*(?:RB|RIBU|K)\b/u];
// A size or a quantity with its unit: "500 ml", "1 L", "250gr", "2 pcs", "3 porsi".
const QUANTITY = /\b\d+(?:[.,]\d+)?\s*(?:ML|L|LTR|LITER|LITRE|GR|GRAM|KG|OZ|CM|PCS|CUP|PORSI|BUNGKUS|BOTOL|GELAS|SACHET|PACK)\b/u;
// Words of an offer or a menu. Not "gratis", "murah" or "harga": campaigns print "sekolah gratis",
// "sembako murah", "harga turun" (a price is caught by PRICE instead).
const OFFER = /\b(?:PROMO|DISKON|DISC|MENU|VARIAN|UKURAN|CASHBACK|ONGKIR|SALE|TAKEAWAY|DELIVERY|OPEN\s+ORDER)\b/u;
// "Beli 2 gratis 1", "buy 1 get 1": a shop's offer, whatever else it says.
const BUY_GET = /\b(?:BELI|BUY)\s+\d+\s+(?:GRATIS|GET|FREE)\s+\d+\b/u;

/** Whether printed text carries a price, a size or quantity with its unit, an offer or a menu. */
export function sellsSomething(text: string): boolean {
  const upper = text.toUpperCase();
  return PRICE.some((re) => re.test(upper)) || QUANTITY.test(upper) || OFFER.test(upper) || BUY_GET.test(upper);
}
