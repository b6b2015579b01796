// Shared by bench/evidence.js and bench/store-write.js: a small scan's findings replayed through the
// store API as a scan writes them — the flagged row first, then the item read from it, the rule
// once, the finding — each copy with its own item (a text suffix), row pointer and finding id, until
// `target` findings are stored. `makeItem` and `findingId` come from the build being measured.
export function replayFindings(run, { found, rules, capture, target, makeItem, findingId, onStored }) {
  const storedRules = new Set();
  let n = 0;
  for (let copy = 0; n < target; copy++) {
    for (const f of found) {
      if (n >= target) break;
      const { id: _id, ...draft } = f.item;
      const pointer = `line:${n + 1}`;
      const item = makeItem({ ...draft, text: `${f.item.text} ~${copy}`, source: { ...draft.source, captureId: capture.id, pointer } });
      const row = Buffer.from(JSON.stringify({ text: item.text }));
      // a build without row storage (before schema 11) keeps the whole capture instead
      run.putRow?.(capture.id, pointer, { offset: n * 400, length: row.length }, row);
      run.putItem(item, { text: item.text });
      if (!storedRules.has(f.finding.ruleId)) {
        run.putRule(rules.get(f.finding.ruleId));
        storedRules.add(f.finding.ruleId);
      }
      const finding = { ...f.finding, itemId: item.id };
      run.putFinding({ ...finding, id: findingId(finding) });
      n++;
      onStored?.(n);
    }
  }
  return n;
}
