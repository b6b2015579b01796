// Sample blind3 corpus rows: exclude rows already in labels-corpora.csv / holdout-corpora.csv (corpus,row_id only),
// stratify by "names a candidate" (simple name pattern), draw with mulberry32(seed).
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { createHash } from 'node:crypto';
const SEED = 20261203;
function mulberry32(a){return function(){a|=0;a=a+0x6D2B79F5|0;let t=Math.imul(a^a>>>15,1|a);t=t+Math.imul(t^t>>>7,61|t)^t;return((t^t>>>14)>>>0)/4294967296;}}
const rnd = mulberry32(SEED);
const excl = new Set();
for (const f of ['fixtures/eval/labels-corpora.csv','fixtures/eval/holdout-corpora.csv']) {
  const rows = parse(readFileSync(f,'utf8'), {bom:true, columns:true});
  for (const r of rows) excl.add(`${r.corpus}|${r.row_id}`);
}
const C = [
 {name:'pilpres2019-tweet-sentiment', file:'dataset.csv', id:0, text:2, named:/jokowi|prabowo|sandi|ma.?ruf|amin\b|kyai|\b0[12]\b|jkw|wowo|capres|cawapres|paslon/i, n:[60,35]},
 {name:'pilkada-dki2017-tweet-sentiment', file:'dataset_tweet_sentiment_pilkada_DKI_2017.csv', id:0, text:3, named:/ahok|djarot|anies|sandi|agus|ahy|sylvi|paslon|okeoce|oke oce|badja|#[123]\b/i, n:[45,25]},
];
const out=[];
for (const c of C) {
  const rows = parse(readFileSync(`/work/shared/corpora/${c.name}/${c.file}`), {bom:true});
  rows.shift();
  const avail = rows.filter(r=>!excl.has(`${c.name}|${r[c.id]}`));
  const named = avail.filter(r=>c.named.test(r[c.text])), other = avail.filter(r=>!c.named.test(r[c.text]));
  console.error(c.name, 'rows', rows.length, 'available', avail.length, 'named', named.length, 'other', other.length);
  const pick=(arr,k)=>{const a=[...arr];for(let i=a.length-1;i>0;i--){const j=Math.floor(rnd()*(i+1));[a[i],a[j]]=[a[j],a[i]];}return a.slice(0,k);};
  for (const [arr,k,tag] of [[named,c.n[0],'named'],[other,c.n[1],'unnamed']]) for (const r of pick(arr,k)) out.push({corpus:c.name,row_id:r[c.id],text_sha256:createHash('sha256').update(r[c.text],'utf8').digest('hex'),stratum:tag,text:r[c.text]});
}
out.sort((a,b)=>a.corpus.localeCompare(b.corpus)||Number(a.row_id)-Number(b.row_id));
writeFileSync('/tmp/ann3/sample.json', JSON.stringify(out,null,1));
console.error('sampled', out.length);
