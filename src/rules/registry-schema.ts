// Candidate registry files (rules/registry/**/*.yml): one election per file — its region, the
// dates that set the phase, and every way its pairs show up online.
import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');

export const ElectionLevel = z.enum(['pilpres', 'pilgub', 'pilbup', 'pilwalkot']);
export type ElectionLevel = z.infer<typeof ElectionLevel>;

export const RegistryAccount = z
  .object({
    platform: z.enum(['facebook', 'instagram', 'x', 'tiktok', 'telegram', 'youtube', 'web']),
    /** display name as it appears in exports ("Prabowo Subianto") */
    name: z.string().optional(),
    /** handle without @ ("prabowo") */
    handle: z.string().optional(),
    url: z.string().optional(),
    /** platform's numeric/native id when known */
    id: z.string().optional(),
    /** official: the pair's own account; team: campaign/volunteer account; party */
    role: z.enum(['official', 'team', 'party', 'supporter']).default('official'),
  })
  .strict()
  .refine((a) => a.name ?? a.handle ?? a.url ?? a.id, { message: 'an account needs a name, handle, url or id' });

export const NicknameTone = z.enum(['affectionate', 'mocking']);
export type NicknameTone = z.infer<typeof NicknameTone>;

export const RegistryNickname = z
  .object({
    form: z.string().min(1),
    tone: NicknameTone,
    ambiguous: z.boolean().default(false),
  })
  .strict();

export const RegistryPerson = z
  .object({
    /** full name as on the ballot, titles stripped ("Prabowo Subianto") */
    name: z.string(),
    /** searchable forms that on their own point to this person ("prabowo", "pak prabowo") */
    forms: z.array(z.string()).default([]),
    /** forms that collide with ordinary words or other people ("amin", "gibran"?) — need context */
    ambiguous_forms: z.array(z.string()).default([]),
    /**
     * nicknames people use for this person: `affectionate` ("abah anies", "el gemoy") or `mocking`
     * ("wowo", "planga-plongo"). A mocking nickname is itself an attack on the pair; `ambiguous`
     * ones (also ordinary words) count only with other evidence, like ambiguous_forms.
     */
    nicknames: z.array(RegistryNickname).default([]),
    /**
     * holds the office this election fills and runs again: a second term with no name ("lanjutkan
     * 2 periode", "mau 2 priode") can only be his or hers, so it names the pair like a slogan
     */
    incumbent: z.boolean().optional(),
    /**
     * the offices this person holds (or has just left) through the election's watch window, as
     * talk of the contest names them instead of the name ("menhan" for Prabowo in 2024, "wali kota
     * solo" for Gibran): each with its public source. The office the election itself fills is not
     * listed: `incumbent` gives it (registry.ts officeTerms)
     */
    offices: z.array(z.string()).default([]),
  })
  .strict();

export const RegistryPair = z
  .object({
    /** stable id: <election id>-<number, 2 digits> */
    id: z.string().regex(/^[a-z0-9-]+$/),
    number: z.number().int().min(1).max(20),
    /** display name "Anies Baswedan – Muhaimin Iskandar" */
    name: z.string(),
    candidates: z.array(RegistryPerson).min(1).max(2),
    /** names of the pair as a unit ("prabowo gibran", "ganjar mahfud", "budi dewi") */
    pair_names: z.array(z.string()).default([]),
    /** pair names that are also ordinary words ("amin") — only with election context */
    ambiguous_pair_names: z.array(z.string()).default([]),
    /** hashtags without '#', as commonly written ("PrabowoGibran2024") */
    hashtags: z.array(z.string()).default([]),
    /** hashtags against this pair ("TolakAnies", "AsalBukanPrabowo"): they name the pair and attack it */
    attack_hashtags: z.array(z.string()).default([]),
    /**
     * the argued topics this pair was attacked with in its campaign ("dinasti", "mahkamah keluarga"
     * for a candidacy opened by a relative's court ruling): no name of their own — a rule reads one as
     * an attack only beside the same pair's mention (`same_pair`), each with its public source
     */
    attack_topics: z.array(z.string()).default([]),
    /** slogans / jargon: weak on their own ("perubahan", "sat set") */
    slogans: z.array(z.string()).default([]),
    /** supporting parties (short names) */
    parties: z.array(z.string()).default([]),
    /** emoji hand signs associated with the pair ("✌", "☝", "🤟") */
    hand_signs: z.array(z.string()).default([]),
    /** spoken hand-sign phrases ("salam dua jari", "salam tiga jari") */
    hand_sign_phrases: z.array(z.string()).default([]),
    accounts: z.array(RegistryAccount).default([]),
    /** winning team / volunteer group names ("TKN Prabowo-Gibran", "Relawan Ganjar") */
    teams: z.array(z.string()).default([]),
    /**
     * what the other camps call this pair's supporters in this election ("cebong" for Jokowi's in
     * 2019, "kampret" for Prabowo's): election data, each with its public source. Like the camp
     * words made from the names (camp-forms.ts), one names the pair's side, not the pair: a slur
     * aimed at it is an attack on the pair its camp backs (RUBRIC: polarisation slurs)
     */
    supporter_nicknames: z.array(z.string()).default([]),
  })
  .strict();
export type RegistryPair = z.infer<typeof RegistryPair>;

/**
 * A reference image of a pair's campaign material (shirt design, sticker, logo, number poster),
 * for `scan --vision`: a photo holding a near copy becomes a finding. Ship only images the
 * project may ship (made by the project, or under a licence that allows it).
 */
export const RegistryImage = z
  .object({
    /** path relative to the registry file */
    file: z.string(),
    /** what it shows, for the reviewer ("Stiker Budi–Dewi nomor 2") */
    label: z.string(),
    /** pair id from this file's pairs */
    pair: z.string(),
    /** what kind of material: sets the prohibition (shirt 4, sticker 7, poster/logo 3) */
    kind: z.enum(['shirt', 'sticker', 'poster', 'logo']),
  })
  .strict();
export type RegistryImage = z.infer<typeof RegistryImage>;

export const ElectionDates = z
  .object({
    /** from when prospective pairs were publicly campaigning (ethics track starts) */
    watch_from: isoDate,
    /**
     * pair registration opened (pendaftaran). From watch_from until this day the candidates are
     * only prospective, and the sitting officials among them act in office: a post about one then
     * counts only when it speaks of the candidacy (evaluate.ts prospectiveUnspoken). For a registry
     * that knows no one's office (KPU's lists); a hand-written one says `incumbent` and `offices`.
     */
    registration: isoDate.optional(),
    /** official determination of the pairs (penetapan): discipline track from this day */
    determination: isoDate,
    number_draw: isoDate.optional(),
    campaign_start: isoDate.optional(),
    campaign_end: isoDate.optional(),
    /** polling day of the last round (the run-off when there was one) */
    vote: isoDate,
    /**
     * earlier rounds, oldest first (Pilkada DKI 2017: round one on 15 Feb, run-off on 19 Apr):
     * each round's polling day and the pairs that went through to the next; a pair not listed
     * is out after that round's vote
     */
    rounds: z.array(z.object({ vote: isoDate, through: z.array(z.string()).min(1) }).strict()).optional(),
    /** until when activity still counts for this election (victory celebrations, inauguration) */
    watch_until: isoDate,
  })
  .strict();
export type ElectionDates = z.infer<typeof ElectionDates>;

export const RegistryFile = z
  .object({
    schema: z.literal(1),
    election: z
      .object({
        /** stable id: pilpres-2024, pilkada-2024-3299 */
        id: z.string().regex(/^[a-z0-9-]+$/),
        level: ElectionLevel,
        name: z.string(),
        /** region code: "00" for national; 2 digits province; 4 digits regency/city (KPU/Kemendagri) */
        region: z.object({ code: z.string().regex(/^\d{2}(\d{2})?$/), name: z.string() }).strict(),
        dates: ElectionDates,
        /** where the facts come from */
        sources: z.array(z.string()).default([]),
      })
      .strict(),
    pairs: z.array(RegistryPair).min(1),
    /** debate / campaign venue and event words specific to this election ("debat capres", "kampanye akbar") */
    events: z.array(z.string()).default([]),
    /** reference images of campaign material, for scan --vision */
    images: z.array(RegistryImage).default([]),
  })
  .strict();
export type RegistryFile = z.infer<typeof RegistryFile>;
