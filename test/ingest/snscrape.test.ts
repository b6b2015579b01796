// snscrape's Twitter JSONL (`snscrape --jsonl twitter-search …`), one snscrape.modules.twitter.Tweet
// per line as its dataclasses serialise: user{username, displayname}, rawContent (older: content),
// quotedTweet and retweetedTweet (full nested Tweets), inReplyToTweetId/inReplyToUser, mentionedUsers
// (User objects) and hashtags (strings).
import { describe, expect, test } from 'vitest';
import { quotedContext } from '../../src/ingest/snscrape.js';
import { quotedThread } from '../../src/pipeline/quote-context.js';
import { collect } from './helpers-core.js';

const FILE = 'fixtures/snscrape/tweets-quotes.jsonl';

describe('snscrape JSONL', async () => {
  const { events, items, warnings } = await collect([FILE]);
  const rows = events.flatMap((e) => (e.type === 'item' ? [e] : []));

  test('every row is its own user\'s post, with its permalink; hashtags and mentioned users are read', () => {
    expect(warnings).toEqual([]);
    expect(items).toHaveLength(5);
    // a Tweet's own status URL says it is an X post (a plain table row stays 'table')
    expect(items.map((i) => i.platform)).toEqual(['x', 'x', 'x', 'x', 'x']);
    expect(items.every((i) => i.actor?.handle === 'sari_kecamatan' && i.actor.name === 'Sari Wulandari')).toBe(true);
    expect(items[0]).toMatchObject({ kind: 'post', permalink: 'https://twitter.com/sari_kecamatan/status/1745100000000000011', time: '2024-01-20T05:00:00.000Z' });
    expect(items[4]!.hashtags).toEqual(['SehatBersama']);
    expect(items[3]!.mentions).toEqual(['kompascom']);
  });

  test('a reply to another account is a comment on that account\'s post', () => {
    expect(items[3]).toMatchObject({ kind: 'comment', target: { kind: 'post', handle: 'kompascom' } });
    // the reply id is a JSON number past 2^53: not trusted as digits
    expect(items[3]!.target?.id).toBeUndefined();
  });

  test('a retweet stays the retweeter\'s post, its text snscrape\'s "RT @user: …"', () => {
    expect(items[2]).toMatchObject({ kind: 'post', actor: { handle: 'sari_kecamatan' }, text: expect.stringMatching(/^RT @relawan_pg: Coblos/) });
  });

  test('the quoted tweet is a context item of its own author, with its permalink and id from its URL', () => {
    const [lean] = quotedThread(rows[0]!.item, rows[0]!.raw);
    expect(lean?.via).toBe('reply');
    expect(lean?.item).toMatchObject({
      kind: 'post',
      actor: { kind: 'account', handle: 'relawan_gp', name: 'Relawan Ganjar-Mahfud' },
      text: expect.stringMatching(/^Ganjar-Mahfud satu-satunya/),
      permalink: 'https://twitter.com/relawan_gp/status/1745000000000000001',
      thread: { messageId: '1745000000000000001' },
      time: '2024-01-20T02:00:00.000Z',
      source: { path: 'tweets-quotes.jsonl', pointer: 'line:1/quotedTweet' },
    });
    // rows that quote nothing lean on nothing
    expect(rows.slice(2).flatMap((r) => quotedThread(r.item, r.raw))).toEqual([]);
  });

  test('the older `content` name and a quoted tweet without text', () => {
    const source = { captureId: 'c', path: 'p.jsonl', pointer: 'line:9' };
    const old = { content: 'x', quotedTweet: { url: 'https://twitter.com/a_b/status/12', content: 'Anies-Sandi menang!', user: { username: 'a_b', displayname: 'A B' } } };
    expect(quotedContext(old, source, 'table')).toMatchObject({ text: 'Anies-Sandi menang!', actor: { handle: 'a_b' }, thread: { messageId: '12' } });
    expect(quotedContext({ quotedTweet: { url: 'https://twitter.com/a_b/status/12', user: { username: 'a_b' } } }, source, 'table')).toBeUndefined();
    expect(quotedContext({ quotedTweet: null }, source, 'table')).toBeUndefined();
  });
});
