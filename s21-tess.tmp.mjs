import { createWorker } from 'tesseract.js';
import { readFileSync } from 'node:fs';
const w = await createWorker('ind', 1, { langPath: 'node_modules/@tesseract.js-data/ind/4.0.0_best_int', cacheMethod: 'none', gzip: true, logger: () => {} });
for (const f of process.argv.slice(2)) {
  for (const psm of ['6', '7', '11']) {
    await w.setParameters({ tessedit_pageseg_mode: psm, thresholding_method: '0' });
    const r = await w.recognize(readFileSync(f), {}, { text: true, blocks: true });
    console.log(f, psm, JSON.stringify(r.data.text), r.data.confidence);
  }
}
await w.terminate();
