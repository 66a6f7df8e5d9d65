/**
 * The stance language of LGA briefings, kept as data (see ../shared/docs/lga-briefings.md, "Stance language").
 * A cue is a phrase pattern and what it says. Where cues overlap, the longest wins, so negations (`do not support`)
 * and idioms (`listened to our concerns`, `at risk of`) are listed as their own, longer cues.
 *
 * Kinds:
 * - `support`: the LGA backs the thing named.
 * - `concern`: the LGA worries about it.
 * - `oppose`: the LGA is against it.
 * - `ask`: a call for more (funding, clarity, change). Alone it is a reservation (`concern`); with a support cue it
 *   makes the stance `mixed` (`are welcome [Clause 7], but we must … ensure these duties are appropriately funded`).
 * - `anti-removal`: against removing something (`do not agree with the removal of clause 29`): supports what is removed.
 * - `ignore`: phrases that contain a cue word but state no stance (`at risk of entering care`); they swallow it.
 */
export type CueKind = 'support' | 'concern' | 'oppose' | 'ask' | 'anti-removal' | 'ignore';

export interface CueRule {
  /** Regular-expression source, matched case-insensitively on word boundaries. */
  pattern: string;
  kind: CueKind;
}

export const STANCE_CUES: readonly CueRule[] = [
  // --- support -------------------------------------------------------------------------------------------
  { pattern: String.raw`(?:we|LGA|councils|local government)\s+(?:\w+ly\s+)?supports?`, kind: 'support' },
  { pattern: String.raw`(?:we|LGA)\s+(?:are|is)\s+(?:\w+\s+)?support(?:ive|ing)`, kind: 'support' },
  { pattern: String.raw`(?:strongly|broadly|fully)\s+supports?`, kind: 'support' },
  { pattern: String.raw`support(?:s|ed)?`, kind: 'support' },
  { pattern: String.raw`welcom(?:e|es|ed|ing)`, kind: 'support' },
  { pattern: String.raw`(?:we\s+are\s+)?pleased`, kind: 'support' },
  { pattern: String.raw`positive(?:\s+step)?`, kind: 'support' },
  { pattern: String.raw`(?:is|are|was|were)\s+(?:\w+ly\s+)?helpful`, kind: 'support' },
  { pattern: String.raw`helpful\s+measures?`, kind: 'support' },
  { pattern: String.raw`(?:is|are|was|were)\s+(?:\w+ly\s+)?encouraging|encouraging\s+(?:step|sign)`, kind: 'support' },
  { pattern: String.raw`(?:strongly\s+)?in\s+favour\s+of`, kind: 'support' },
  {
    pattern: String.raw`good\s+(?:first\s+)?step|step\s+in\s+the\s+right\s+direction|good\s+to\s+see`,
    kind: 'support',
  },
  { pattern: String.raw`(?:do|does)\s+not\s+oppose`, kind: 'support' },
  { pattern: String.raw`recognise\s+the\s+(?:potential\s+)?value`, kind: 'support' },
  { pattern: String.raw`reflects?\s+existing\s+good\s+practice`, kind: 'support' },
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

  // --- oppose --------------------------------------------------------------------------------------------
  { pattern: String.raw`(?:we|LGA)\s+(?:\w+ly\s+)?oppose[sd]?`, kind: 'oppose' },
  { pattern: String.raw`(?:do|does|did)\s+not\s+support`, kind: 'oppose' },
  { pattern: String.raw`(?:do|does)\s+not\s+agree\s+with`, kind: 'oppose' },
  { pattern: String.raw`(?:should|must)\s+be\s+(?:removed|deleted|withdrawn|dropped)`, kind: 'oppose' },
  { pattern: String.raw`(?:should|must)\s+not\s+(?:be\s+)?(?:introduced|proceed|go\s+ahead)`, kind: 'oppose' },

  // --- against removing something (supports the thing) ---------------------------------------------------
  {
    pattern: String.raw`(?:(?:do|does)\s+not\s+agree\s+with|(?:we\s+)?oppose[sd]?|against|resist|regret)\s+the\s+removal\s+of`,
    kind: 'anti-removal',
  },

  // --- concern -------------------------------------------------------------------------------------------
  { pattern: String.raw`(?:deeply\s+|particularly\s+|remain\s+|also\s+)?concern(?:s|ed|ing)?`, kind: 'concern' },
  { pattern: String.raw`disappoint(?:ed|ing)`, kind: 'concern' },
  { pattern: String.raw`funding\s+gap|shortfall|underfunded`, kind: 'concern' },
  { pattern: String.raw`risks?|danger`, kind: 'concern' },
  { pattern: String.raw`will\s+depend\s+on|depends?\s+on\s+(?:the\s+)?implementation`, kind: 'concern' },
  { pattern: String.raw`fall\s+short|falls\s+short|not\s+sustainable|unworkable|regrettable`, kind: 'concern' },
  { pattern: String.raw`could\s+(?:deter|undermine|confuse)`, kind: 'concern' },

  // --- asks ----------------------------------------------------------------------------------------------
  { pattern: String.raw`call(?:s|ed)?\s+(?:for|on)`, kind: 'ask' },
  { pattern: String.raw`(?:would\s+)?urge`, kind: 'ask' },
  { pattern: String.raw`would\s+(?:like|want)\s+to\s+see|want\s+to\s+ensure`, kind: 'ask' },
  { pattern: String.raw`would\s+(?:also\s+)?be\s+helpful`, kind: 'ask' },
  { pattern: String.raw`would\s+encourage`, kind: 'ask' },
  {
    pattern: String.raw`(?:must|should|will\s+need\s+to)\s+be\s+(?:fully\s+|adequately\s+|appropriately\s+|properly\s+|sufficiently\s+)?(?:funded|resourced)`,
    kind: 'ask',
  },
  {
    pattern: String.raw`(?:fully|adequately|appropriately|properly|sufficiently)\s+(?:funded|resourced)|new\s+burdens\s+funding`,
    kind: 'ask',
  },
  { pattern: String.raw`it\s+is\s+(?:vital|essential|crucial|important)`, kind: 'ask' },
  { pattern: String.raw`we\s+must|must\s+(?:also\s+)?(?:include|involve|ensure|not)|there\s+must\s+be`, kind: 'ask' },
  { pattern: String.raw`(?:is|are)\s+needed|needs?\s+to|the\s+need\s+for|changes\s+are\s+needed`, kind: 'ask' },
  { pattern: String.raw`should\s+be\s+(?:amended|reciprocal|extended|strengthened|clarified)`, kind: 'ask' },
  { pattern: String.raw`go\s+further|more\s+clarity|further\s+detail|greater\s+safeguards`, kind: 'ask' },

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
];

/**
 * Removal frames: a reference that is the object of a removal takes the opposite stance to the sentence's
 * (`we support amendment 66 to remove clause 32` opposes clause 32). `before` is matched against the text just before
 * the reference; `after` against the text just after it.
 */
export const REMOVAL_BEFORE =
  /(?:\bremov(?:e|al\s+of|ing)|\bdelet(?:e|ion\s+of|ing)|\bleave\s+out|\bstrike\s+out|\bquestion\s+that)\s+(?:the\s+)?(?:provisions?\s+(?:in|of)\s+)?$/i;
export const REMOVAL_AFTER = /^\s*(?:should|must)\s+(?:be\s+removed|not\s+stand\s+part)|^\s*stands?\s+part\b/i;

/** Words that open a sentence turning against the one before: `However, …`, `But …`. */
export const CONTRAST_OPENER = /^\s*(?:However|But|Yet|Nevertheless|That\s+said|Although|Though)\b/i;
/** Words that open a sentence about what the sentence before named: `This would remove Clause 22`. */
export const ANAPHORIC_OPENER = /^\s*(?:This|These|It|They|Such|As\s+such|Therefore|We|However|But|While|Whilst)\b/i;
