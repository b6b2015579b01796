// Inter-annotator agreement between two label files of one blind round (first and second
// annotator), on the same keys. Pure functions: the CLI (scripts/label-agreement.mjs) reads files.

/** Partisan-vs-not agreement, Cohen's kappa, and prohibition/pair agreement among items both call partisan. */
export function agreement(pairs) {
  const n = pairs.length;
  let same = 0;
  let firstPartisan = 0;
  let secondPartisan = 0;
  let bothPartisan = 0;
  let sameProhibition = 0;
  let samePair = 0;
  let sameStance = 0;
  let withContext = 0;
  let sameContext = 0;
  const disagreements = new Map();
  const keys = new Map();
  let bump;
  for (const { first, second, label: shown } of pairs) {
    bump = (category) => {
      disagreements.set(category, (disagreements.get(category) ?? 0) + 1);
      if (shown !== undefined) keys.set(category, [...(keys.get(category) ?? []), shown]);
    };
    const a = first.label === 'partisan';
    const b = second.label === 'partisan';
    if (a) firstPartisan++;
    if (b) secondPartisan++;
    if (a === b) same++;
    else if (a) bump(`label: partisan ${first.prohibition} (first) / clean ${second.clean_reason} (second)`);
    else bump(`label: clean ${first.clean_reason} (first) / partisan ${second.prohibition} (second)`);
    if (a && b) {
      bothPartisan++;
      if (first.prohibition === second.prohibition) sameProhibition++;
      else bump(`prohibition: ${first.prohibition} (first) / ${second.prohibition} (second)`);
      if (first.pair === second.pair) samePair++;
      else bump(`pair: ${first.pair} (first) / ${second.pair} (second)`);
      if (first.stance === second.stance) sameStance++;
      // the context column (the earlier message a chat reply leans on) exists only in export files
      if (first.context !== undefined && second.context !== undefined) {
        withContext++;
        if (first.context === second.context) sameContext++;
        else bump(`context: ${first.context} (first) / ${second.context} (second)`);
      }
    }
  }
  const po = n === 0 ? undefined : same / n;
  // chance agreement from each annotator's own partisan rate
  const pe = n === 0 ? undefined : (firstPartisan / n) * (secondPartisan / n) + (1 - firstPartisan / n) * (1 - secondPartisan / n);
  // kappa is undefined when chance agreement is certain (both annotators used one class only)
  const kappa = po === undefined || pe === undefined || pe === 1 ? undefined : (po - pe) / (1 - pe);
  const share = (k) => (bothPartisan === 0 ? undefined : k / bothPartisan);
  return {
    n,
    firstPartisan,
    secondPartisan,
    rawAgreement: po,
    kappa,
    bothPartisan,
    prohibitionAgreement: share(sameProhibition),
    pairAgreement: share(samePair),
    stanceAgreement: share(sameStance),
    contextAgreement: withContext === 0 ? undefined : sameContext / withContext,
    disagreements: [...disagreements.entries()].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0])),
    // per category, the printable names (never texts) of the disagreeing items that carry one
    disagreeingKeys: Object.fromEntries([...keys.entries()].sort((x, y) => x[0].localeCompare(y[0]))),
  };
}

/**
 * Joins two label tables on a key. Returns the joined pairs and the keys only one side has;
 * a key that occurs twice in one table is an error (labels must be one per item).
 */
export function joinLabels(firstRows, secondRows, keyOf) {
  const index = (rows, side) => {
    const map = new Map();
    for (const row of rows) {
      const key = keyOf(row);
      if (map.has(key)) throw new Error(`duplicate key in the ${side} file: ${key.split('\u0000')[0]}`);
      map.set(key, row);
    }
    return map;
  };
  const a = index(firstRows, 'first');
  const b = index(secondRows, 'second');
  const pairs = [];
  const onlyFirst = [];
  for (const [key, first] of a) {
    const second = b.get(key);
    if (second) pairs.push({ key, first, second });
    else onlyFirst.push(key);
  }
  const onlySecond = [...b.keys()].filter((k) => !a.has(k));
  return { pairs, onlyFirst, onlySecond };
}
