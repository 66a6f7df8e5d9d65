/**
 * The stance language of LGA briefings, kept as data (see ../shared/docs/lga-briefings.md, "Stance language", and
 * the labelling rules in ../shared/corpus/labels/stance-dev.json's note). A cue is a phrase pattern and what it says.
 * Where cues overlap, the longest wins, so negations (`do not support`) and idioms (`listened to our concerns`,
 * `at risk of`) are listed as their own, longer cues. How cues combine into a stance is ./stance.ts.
 *
 * Kinds:
 * - `support`: the LGA backs the thing named.
 * - `concern`: the LGA worries about it or criticises it.
 * - `oppose`: the LGA is against it (or wants it removed).
 * - `ask`: a call for more (funding, clarity, change): `should`, `must`, `needs to`, `we call for`. Alone it is a
 *   reservation (`concern`); with a support cue it makes the stance `mixed`.
 * - `anti-removal`: against removing something (`do not agree with the removal of clause 29`): supports what is removed.
 * - `shared-concern`: the LGA shares a worry someone else raised (`share the concerns of Lord X in amendment 33`): a
 *   reservation about the bill, and support for an amendment that voices it.
 * - `unneeded`: arguing that a proposal is not needed (`the current bill already provides sufficient safeguards`):
 *   rejects an amendment under discussion; says nothing about the bill's own clauses.
 * - `ignore`: phrases that contain a cue word but state no stance (`at risk of entering care`); they swallow it.
 */
export type CueKind =
  | 'support'
  | 'concern'
  | 'oppose'
  | 'ask'
  | 'anti-removal'
  | 'shared-concern'
  | 'unneeded'
  | 'ignore';

export interface CueRule {
  /** Regular-expression source, matched case-insensitively on word boundaries. */
  pattern: string;
  kind: CueKind;
  /**
   * The phrase is a bare verb (`support`) that states the LGA's stance only when the LGA is the one speaking: it
   * counts only where `we`/`the LGA` is written before it in the same sentence (`we agree … and as such support the
   * ambition`), not in `local authorities already support 4,000 children`.
   */
  needsSpeaker?: boolean;
}

/** Who speaks for the LGA in a sentence (for `needsSpeaker` cues). */
export const LGA_SPEAKER = /\b(?:we|LGA|the\s+Association|us)\b/i;

export const STANCE_CUES: readonly CueRule[] = [
  // --- support -------------------------------------------------------------------------------------------
  { pattern: String.raw`(?:we|LGA|councils|local government)\s+(?:\w+ly\s+)?supports?`, kind: 'support' },
  { pattern: String.raw`(?:we|LGA)\s+(?:are|is)\s+(?:\w+\s+)?support(?:ive|ing)`, kind: 'support' },
  { pattern: String.raw`(?:we|LGA)\s+(?:\w+ly\s+)?(?:backs?|endorses?)`, kind: 'support' },
  { pattern: String.raw`(?:we|LGA)\s+(?:\w+ly\s+)?agrees?\s+with`, kind: 'support' },
  { pattern: String.raw`(?:we\s+are\s+)?(?:delighted|glad)`, kind: 'support' },
  {
    pattern: String.raw`the\s+right\s+(?:approach|direction|decision)|(?:important|significant|major|big)\s+step(?:\s+forward)?`,
    kind: 'support',
  },
  { pattern: String.raw`(?:strongly|broadly|fully)\s+supports?`, kind: 'support' },
  { pattern: String.raw`support(?:s|ed)?`, kind: 'support', needsSpeaker: true },
  { pattern: String.raw`in\s+support\s+of`, kind: 'support', needsSpeaker: true },
  { pattern: String.raw`welcom(?:e|es|ed|ing)`, kind: 'support' },
  { pattern: String.raw`(?:we\s+are\s+)?pleased`, kind: 'support' },
  // `positive` as a judgement (`is a positive step`), not as a description (`a positive impact on pupils`).
  {
    pattern: String.raw`(?:is|are|was|were|be|been)\s+(?:a\s+|an\s+)?(?:very\s+|really\s+|hugely\s+|\w+ly\s+)?positive(?!\s+(?:step|move|development|change|start|news|first))|positive\s+(?:step|move|development|change|start|news|first\s+step)`,
    kind: 'support',
  },
  { pattern: String.raw`(?:is|are|was|were)\s+(?:\w+ly\s+)?helpful`, kind: 'support' },
  { pattern: String.raw`helpful\s+(?:measures?|step|provisions?|changes?)`, kind: 'support' },
  {
    pattern: String.raw`(?:is|are|was|were)\s+(?:\w+ly\s+)?encouraging|encouraging\s+(?:step|sign|move)`,
    kind: 'support',
  },
  { pattern: String.raw`(?:strongly\s+)?in\s+favour\s+of`, kind: 'support' },
  {
    pattern: String.raw`good\s+(?:first\s+)?step|step\s+in\s+the\s+right\s+direction|good\s+to\s+see|(?:a\s+)?(?:powerful|valuable|useful)\s+tool`,
    kind: 'support',
  },
  { pattern: String.raw`(?:do|does)\s+not\s+oppose`, kind: 'support' },
  { pattern: String.raw`recognise\s+the\s+(?:potential\s+)?value`, kind: 'support' },
  { pattern: String.raw`reflects?\s+existing\s+good\s+practice`, kind: 'support' },
  {
    pattern: String.raw`shares?\s+the\s+(?:Government['’]s\s+)?(?:ambition|aim|aims|objective|intention|goal)`,
    kind: 'support',
  },
  // What the LGA asked for and the bill now does.
  {
    pattern: String.raw`(?:has|have)\s+(?:long\s+|previously\s+)?(?:been\s+)?called\s+for|long-standing\s+asks?`,
    kind: 'support',
  },
  // Urging the Government to take up an amendment backs the amendment.
  {
    pattern: String.raw`urge\s+(?:the\s+)?(?:Government|Minister|Peers|Members|MPs)\s+to\s+(?:accept|support|adopt|back)`,
    kind: 'support',
  },
  // Wanting the bill through: `It needs to be passed`, `should proceed`.
  {
    pattern: String.raw`(?:needs?\s+to|must|should)\s+be\s+(?:passed|enacted)|(?:should|must)\s+(?:now\s+)?(?:proceed|become\s+law)`,
    kind: 'support',
  },

  // --- oppose --------------------------------------------------------------------------------------------
  { pattern: String.raw`(?:we|LGA)\s+(?:\w+ly\s+)?oppose[sd]?`, kind: 'oppose' },
  {
    pattern: String.raw`(?:we|LGA)\s+(?:would|will|must|continue\s+to|cannot\s+but)\s+oppose|(?:we|LGA)\s+(?:are|is|remain)\s+(?:\w+ly\s+)?(?:opposed\s+to|against)|(?:we|LGA)\s+(?:\w+ly\s+)?objects?\s+to`,
    kind: 'oppose',
  },
  { pattern: String.raw`(?:do|does|did|can|could)\s*(?:not|n['’]t)\s+(?:support|back|endorse)`, kind: 'oppose' },
  { pattern: String.raw`(?:do|does)\s+not\s+agree\s+with|disagree\s+with`, kind: 'oppose' },
  {
    pattern: String.raw`(?:should|must)\s+be\s+(?:removed|deleted|withdrawn|dropped|scrapped|abandoned|reversed)`,
    kind: 'oppose',
  },
  { pattern: String.raw`(?:should|must)\s+not\s+(?:be\s+)?(?:introduced|proceed|go\s+ahead)`, kind: 'oppose' },

  // --- not needed (rejects the amendment under discussion) -----------------------------------------------
  {
    pattern: String.raw`already\s+(?:provides?|contains?|includes?|offers?|gives?)\s+(?:\w+\s+){0,3}?(?:sufficient|adequate|enough)|(?:is|are|would\s+be)\s+(?:\w+ly\s+)?(?:unnecessary|not\s+necessary|not\s+needed)`,
    kind: 'unneeded',
  },

  // --- against removing something (supports the thing) ---------------------------------------------------
  {
    pattern: String.raw`(?:(?:do|does)\s+not\s+(?:agree\s+with|support)|(?:we\s+)?oppose[sd]?|against|resist|regret)\s+the\s+removal\s+of`,
    kind: 'anti-removal',
  },

  // --- concern -------------------------------------------------------------------------------------------
  {
    pattern: String.raw`(?:deeply\s+|particularly\s+|remain\s+|also\s+|seriously\s+)?concern(?:s|ed|ing)?`,
    kind: 'concern',
  },
  { pattern: String.raw`worr(?:y|ies|ied|ying)`, kind: 'concern' },
  { pattern: String.raw`disappoint(?:ed|ing)`, kind: 'concern' },
  {
    pattern: String.raw`(?:serious\s+|some\s+|significant\s+)?reservations|unconvinced|sceptical|unacceptable|unfair|missed\s+opportunity|uncertainty`,
    kind: 'concern',
  },
  { pattern: String.raw`funding\s+gap|shortfall|underfunded`, kind: 'concern' },
  { pattern: String.raw`risks?|danger`, kind: 'concern' },
  { pattern: String.raw`will\s+depend\s+on|depends?\s+on\s+(?:the\s+)?implementation`, kind: 'concern' },
  { pattern: String.raw`fall\s+short|falls\s+short|not\s+sustainable|unworkable|regrettable`, kind: 'concern' },
  { pattern: String.raw`could\s+(?:deter|undermine|confuse)|undermin(?:e|es|ing)`, kind: 'concern' },
  { pattern: String.raw`(?:increase|add\s+to)\s+(?:the\s+)?(?:costs?|pressures?|burdens?)`, kind: 'concern' },
  // Negated adequacy: `is not sufficient`, `not convinced`, `does not go far enough`.
  {
    pattern: String.raw`not\s+(?:\w+\s+){0,2}?(?:sufficient|enough|adequate|convinced|persuaded|satisfied|fit\s+for\s+purpose)|(?:does|do)\s+not\s+go\s+(?:far\s+enough|further)|insufficient|inadequate`,
    kind: 'concern',
  },
  {
    pattern: String.raw`(?:cannot|can\s+not|will\s+not\s+be\s+able\s+to)\s+(?:replace|substitute|meet|cover|absorb|sustain)`,
    kind: 'concern',
  },
  {
    pattern: String.raw`(?:is|are|was|were)\s+not\s+(?:\w+ly\s+)?(?:helpful|welcome|positive|encouraging|a\s+(?:positive|good)\s+step)`,
    kind: 'concern',
  },
  { pattern: String.raw`share\s+(?:the|their|these)\s+concerns?`, kind: 'shared-concern' },

  // --- asks ----------------------------------------------------------------------------------------------
  { pattern: String.raw`call(?:s|ed|ing)?\s+(?:for|on)`, kind: 'ask' },
  { pattern: String.raw`(?:would\s+)?urge`, kind: 'ask' },
  {
    pattern: String.raw`would\s+(?:like|want)\s+to\s+see|wants?\s+to\s+(?:see|ensure)|wants?\s+there\s+to\s+be`,
    kind: 'ask',
  },
  { pattern: String.raw`would\s+(?:also\s+)?(?:be\s+helpful|welcome)`, kind: 'ask' },
  {
    pattern: String.raw`would\s+encourage|encourage\s+(?:the\s+)?(?:Government|Minister|Peers|Members|MPs)`,
    kind: 'ask',
  },
  {
    pattern: String.raw`(?:must|should|will\s+need\s+to)\s+be\s+(?:fully\s+|adequately\s+|appropriately\s+|properly\s+|sufficiently\s+)?(?:funded|resourced)`,
    kind: 'ask',
  },
  {
    pattern: String.raw`(?:fully|adequately|appropriately|properly|sufficiently)\s+(?:funded|resourced)|new\s+burdens\s+funding`,
    kind: 'ask',
  },
  { pattern: String.raw`must\s+(?:also\s+)?be\s+(?:matched|accompanied|backed|supported)\s+(?:with|by)`, kind: 'ask' },
  { pattern: String.raw`it\s+is\s+(?:vital|essential|crucial|critical|important|imperative)`, kind: 'ask' },
  // `must` and `should` are asks (`should be reciprocal`, `must include`); `needs to`/`we need` too.
  {
    pattern: String.raw`we\s+must|must\s+(?:also\s+)?(?:include|involve|ensure|not)|there\s+must\s+be|must|should`,
    kind: 'ask',
  },
  {
    pattern: String.raw`(?:is|are)\s+needed|needs?\s+to|the\s+need\s+for|(?:there|we)\s+(?:urgently\s+)?needs?`,
    kind: 'ask',
  },
  {
    pattern: String.raw`go\s+further|could\s+(?:do|go)\s+(?:much\s+)?(?:more|further)|more\s+clarity|further\s+detail|greater\s+safeguards`,
    kind: 'ask',
  },
  {
    pattern: String.raw`warrants?\s+(?:further|more|closer)|further\s+(?:formal\s+|public\s+)?consultation|provide\s+(?:an\s+)?assurances?`,
    kind: 'ask',
  },
  // A commitment with a condition: `we will work with the Government to ensure that these are simple`.
  { pattern: String.raw`(?:we|LGA)\s+will\s+(?:\w+\s+){1,6}?to\s+ensure`, kind: 'ask' },

  // --- phrases with a cue word that state no stance ------------------------------------------------------
  { pattern: String.raw`at\s+risk\s+of|risk-\w+|risk\s+assessments?|causing\s+concern`, kind: 'ignore' },
  {
    pattern: String.raw`(?:listened|responded)\s+to\s+(?:our\s+|these\s+|the\s+)?(?:call|concerns|arguments)`,
    kind: 'ignore',
  },
  { pattern: String.raw`(?:addressed|allay(?:ed)?)\s+(?:these\s+|our\s+|the\s+)?concerns`, kind: 'ignore' },
  { pattern: String.raw`support(?:ing)?\s+(?:for|over)\s|support\s+services|support\s+the\s+needs`, kind: 'ignore' },
  { pattern: String.raw`(?:will|would|to|can)\s+support\b`, kind: 'ignore' },
  // `support` as a noun or a passive: `additional support to victims`, `community-based support`, `supported by`.
  {
    pattern: String.raw`(?:additional|extra|more|better|improved|practical|financial|the\s+right)\s+support|\w+-based\s+support|support\s+(?:to|workers)|supported\s+by`,
    kind: 'ignore',
  },
  // What someone needs, not an ask: `the range of powers they need to create jobs`.
  {
    pattern: String.raw`(?:powers|resources|tools|funding|support|help|flexibilit(?:y|ies)|freedoms?)\s+(?:\w+\s+)?(?:they|councils|areas|people|communities|residents|you)\s+need(?:s)?(?:\s+to)?`,
    kind: 'ignore',
  },
  // Criticism of the status quo argues for the reform: `the current situation is not sustainable`.
  {
    pattern: String.raw`current\s+(?:system|situation|arrangements?|position|process|regime|framework)\s+(?:is|are)\s+(?:\w+\s+){0,2}?(?:not\s+sustainable|unsustainable|unworkable|broken|failing|not\s+fit\s+for\s+purpose)`,
    kind: 'ignore',
  },
  // A view the LGA shares, not an ask of anyone: `We agree that children should never be placed in unsuitable settings`.
  // (Only the modal is swallowed, so `We agree with` itself still counts as support.)
  {
    pattern: String.raw`(?<=\bagree(?:s|d)?\s+(?:with\s+[^.;:]{0,60}?\s+)?that\s+[^.;:]{0,80}?)(?:should|must|(?:is|are)\s+needed|needs?\s+to)`,
    kind: 'ignore',
  },
  // Modal verbs that back something rather than ask for it: `must be welcomed`.
  { pattern: String.raw`(?:should|must)\s+be\s+(?:welcomed|commended|applauded)`, kind: 'support' },
];

/** A word that negates the support cue right after it: `we no longer support`, `is not helpful`, `never welcomed`. */
export const NEGATOR_BEFORE = /\b(?:not|n['’]t|no\s+longer|never|nor|neither|cannot|unable\s+to)\s+(?:\w+\s+){0,2}$/i;
/** Support cues that are verbs: negated, they oppose (`we no longer support`); other negated support is a concern. */
export const SUPPORT_VERB = /^(?:we\s+|LGA\s+)?(?:\w+ly\s+)?(?:support|welcome|back|endorse|agree)/i;

/**
 * Removal frames: a reference that is the object of a removal takes the opposite stance to the sentence's
 * (`we support amendment 66 to remove clause 32` opposes clause 32). `before` is matched against the text just before
 * the reference; `after` against the text just after it.
 */
export const REMOVAL_BEFORE =
  /(?:\bremov(?:e|al\s+of|ing)|\bdelet(?:e|ion\s+of|ing)|\bleave\s+out|\bstrike\s+out|\bquestion\s+that)\s+(?:the\s+)?(?:provisions?\s+(?:in|of)\s+)?$/i;
export const REMOVAL_AFTER = /^\s*(?:should|must)\s+(?:be\s+removed|not\s+stand\s+part)|^\s*stands?\s+part\b/i;
/**
 * The provision an amendment changes: `amendment 46 to clause 6`, `amendments 48 and 49 to Schedule 2`. Backing the
 * amendment is wanting the provision changed: a concern about it, not support. Matched against the text just before
 * the provision.
 */
export const AMENDED_BEFORE =
  /\bamendments?\s+\d+[A-Z]*(?:(?:\s*,\s*|,?\s+and\s+|\s*-\s*)\d+[A-Z]*)*\s+to\s+(?:the\s+)?$/i;
/**
 * A provision named as the thing the LGA would rather not have: `Rather than introducing a new regime, as proposed in
 * amendment 35, we would urge …`. Matched against the sentence before the reference; the LGA's own clause (`we …`)
 * must not come between.
 */
export const REJECTED_BEFORE = /\b(?:rather\s+than|instead\s+of)\b(?![^.]*\b(?:we|LGA)\b)[^.]*$/i;

/** Words that open a sentence turning against the one before: `However, …`, `But …`. */
export const CONTRAST_OPENER = /^\s*(?:However|But|Yet|Nevertheless|Nonetheless|That\s+said|Although|Though)\b/i;
/** A turn inside a sentence: `is helpful, but will only apply …`, `are welcome, however we …`, `; however`. */
export const CONTRAST_INSIDE =
  /(?:,|;|\s[-–—])\s*(?:however|but|yet|although|though|nevertheless)\b|\sbut\s(?!also\b)/gi;
/** A concession opening a sentence: `While we support X, …`, `Whilst there have been …, these grants cannot …`. */
export const CONCESSION_OPENER = /^\s*(?:While|Whilst|Although|Though|Despite|Notwithstanding)\b/i;
/** Words that open a sentence about what the sentence before named: `This would remove Clause 22`. */
export const ANAPHORIC_OPENER = /^\s*(?:This|These|It|They|Such|As\s+such|Therefore|We|However|But|While|Whilst)\b/i;
/**
 * Where a sentence naming several provisions divides into clauses with a stance each (`We support amendment 54 and
 * share the concerns … in amendment 33`): `;`, or `and`/`but`/`while` when a cue starts within a few words after it.
 */
export const CLAUSE_BOUNDARY = /;\s*|,?\s+(?:and|but|while|whilst)\s+/gi;
/** How far after a clause boundary a cue may start for the boundary to divide the sentence. */
export const CLAUSE_CUE_REACH = 24;
