/**
 * The pages the fixture server answers for, at their real hosts and paths. Files live in test/fixtures/e2e/
 * (written after the real Hansard markup); the real 2.7 MB Hansard day is read from ../shared at run time.
 */
import fs from 'node:fs';
import path from 'node:path';
import { composeHostilePage } from '../../fixtures/hostile/compose.mjs';
import { composeLgaPage } from '../../fixtures/lga/compose.mjs';
import { composeTopicDebate, TOPIC_PAGES } from '../../fixtures/topics/compose-debate.mjs';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'e2e');
const SHARED = path.resolve(ROOT, '..', 'shared');

const LURB_PATH = '/parliament/briefings-and-responses/lga-briefing-levelling-and-regeneration-bill-committee-stage';
const LURB_CORPUS = path.join(
  SHARED,
  'corpus',
  'lga-briefings',
  '01-levelling-up-regeneration-bill-committee-stage-commons-2022.txt',
);
export function lurbBriefingText() {
  return fs.readFileSync(LURB_CORPUS, 'utf8');
}
export { composeLgaPage };

/** What the content script says of the `cwsbCommittee` page in its requests (`lookup`'s `page`), for specs that ask as it does. */
export const CWSB_COMMITTEE_CONTEXT = {
  bill: null,
  billId: 'childrens-wellbeing-and-schools-bill',
  house: 'commons',
  stage: 'committee',
  stageLabel: null,
  date: '2025-02-11',
};

/** id -> page. `url` is what the browser opens (http: the proxy answers for the real host). */
export const PAGES = {
  /** Children's Wellbeing and Schools Bill, Public Bill Committee, 14th sitting (Commons, 11 February 2025). */
  cwsbCommittee: {
    host: 'hansard.parliament.uk',
    path: '/Commons/2025-02-11/debates/9bc2d589-0744-404f-bfd0-a4bf986e4e23/ChildrenSWellbeingAndSchoolsBill(FourteenthSitting)',
    file: path.join(FIXTURES, 'cwsb-commons-pbc-2025-02-11.html'),
  },
  /** The CWSB committee sitting with hostile markup (as text) where our views show page text: test/fixtures/hostile. */
  hostileCwsb: {
    host: 'hansard.parliament.uk',
    path: '/Commons/2025-02-11/debates/F00D0000-0744-404f-bfd0-a4bf986e4e23/ChildrenSWellbeingAndSchoolsBill(FourteenthSitting)',
    render: composeHostilePage,
  },
  /** Children and Social Work Bill [HL], Lords Report (1st day), 18 October 2016. */
  cswbLordsReport: {
    host: 'hansard.parliament.uk',
    path: '/Lords/2016-10-18/debates/8C3F2A1E-6B0D-4B8E-9E2A-5D7C1F0B9A34/ChildrenAndSocialWorkBill(HL)',
    file: path.join(FIXTURES, 'cswb-lords-report-2016-10-18.html'),
  },
  /** Children's Wellbeing and Schools Bill, Public Bill Committee (Commons, 28 January 2025): Clause 1 and Clause 9. */
  cwsbCommitteeClauses1And9: {
    host: 'hansard.parliament.uk',
    path: '/Commons/2025-01-28/debates/6C1D0E2F-3A4B-4C5D-8E9F-0A1B2C3D4E51/ChildrenSWellbeingAndSchoolsBill(FifthSitting)',
    file: path.join(FIXTURES, 'cwsb-commons-pbc-2025-01-28.html'),
  },
  /** Children and Social Work Bill [HL], Lords Report (2nd day), 8 November 2016: Amendment 66 and clause 32. */
  cswbLordsReportClause32: {
    host: 'hansard.parliament.uk',
    path: '/Lords/2016-11-08/debates/4E2B6D8F-1A3C-4E5B-8D7F-9A0B1C2D3E65/ChildrenAndSocialWorkBill(HL)',
    file: path.join(FIXTURES, 'cswb-lords-report-2016-11-08.html'),
  },
  /** Children's Wellbeing and Schools Bill, Lords Third Reading, 9 February 2026: seed clause numbers mean other clauses. */
  cwsbLordsThirdReading: {
    host: 'hansard.parliament.uk',
    path: '/Lords/2026-02-09/debates/DD497F1C-E058-4049-99C2-F8B8FA31AC1A/Children%E2%80%99SWellbeingAndSchoolsBill',
    file: path.join(FIXTURES, 'cwsb-lords-third-reading-2026-02-09.html'),
  },
  /** A bill the LGA has no briefing on (Renters' Rights Bill, Public Bill Committee): must stay untouched. */
  unknownBill: {
    host: 'hansard.parliament.uk',
    path: '/Commons/2024-10-22/debates/3F1E0C2B-7A44-4C8B-9D1E-2B6A5C4D3E21/RentersRightsBill(FourthSitting)',
    file: path.join(FIXTURES, 'unknown-bill-commons-pbc-2024-10-22.html'),
  },
  /** Levelling-up and Regeneration Bill, Public Bill Committee, 5th sitting (Commons, 28 June 2022): not a shipped bill. */
  lurbCommittee: {
    host: 'hansard.parliament.uk',
    path: '/Commons/2022-06-28/debates/5E1B7C3A-2D4F-4A6B-9C8D-7E6F5A4B3C21/Levelling-UpAndRegenerationBill(FifthSitting)',
    file: path.join(FIXTURES, 'lurb-commons-pbc-2022-06-28.html'),
  },
  /**
   * An LGA briefing page on local.gov.uk, COMPOSED at run time (markup inferred: test/fixtures/lga/compose.mjs)
   * around the corpus briefing's text, read from ../shared (never copied): the LGA's Commons Committee Stage briefing
   * on the Levelling Up and Regeneration Bill, at the URL the corpus file names.
   */
  lgaLurbCommittee: {
    host: 'www.local.gov.uk',
    path: '/parliament/briefings-and-responses/lga-briefing-levelling-and-regeneration-bill-committee-stage',
    render: () => composeLgaPage(lurbBriefingText(), { url: `https://www.local.gov.uk${LURB_PATH}` }),
  },
  /** The same briefing at an old journal-content URL on the bare host, in the older (Liferay) layout. */
  lgaLurbCommitteeOld: {
    host: 'local.gov.uk',
    path: '/-/journal_content/56/10180/11223344/ARTICLE',
    render: () => composeLgaPage(lurbBriefingText(), { layout: 'liferay', published: '2022-06-20T09:00:00+01:00' }),
  },
  /** The real Commons Chamber day of 9 January 2020 as served (2.7 MB), never copied into the project. */
  realCommonsDay: {
    host: 'hansard.parliament.uk',
    path: '/commons/2020-01-09/debates/f558af45-2e9e-4f22-9692-ae71794a6469/CommonsChamber',
    file: path.join(SHARED, 'corpus', 'hansard-html', 'hansard-commons-2020-01-09-CommonsChamber-aggregate.raw.html'),
  },
};

/** Debates of each seed bill with no clause numbers, composed from the topic corpus at run time (issue 14). */
for (const [id, page] of Object.entries(TOPIC_PAGES)) {
  PAGES[id] = { host: page.host, path: page.path, render: () => composeTopicDebate(id).html };
}

/**
 * The page adapters' own fixtures (test/fixtures/pages/, the pages engineer's), served at the URL each declares in
 * its `og:url` or canonical link: the browsers then run on the same markup the unit tests read.
 */
const ADAPTER_FIXTURES = path.join(ROOT, 'test', 'fixtures', 'pages');
if (fs.existsSync(ADAPTER_FIXTURES)) {
  for (const name of fs.readdirSync(ADAPTER_FIXTURES).sort()) {
    if (!name.endsWith('.html')) continue;
    const file = path.join(ADAPTER_FIXTURES, name);
    const html = fs.readFileSync(file, 'utf8');
    const declared =
      html.match(/<meta content="(https:\/\/[^"]+)" property="og:url"/)?.[1] ??
      html.match(/<link rel="canonical" href="(https:\/\/[^"]+)"/)?.[1];
    if (!declared) continue;
    const url = new URL(declared); // percent-encodes the curly apostrophes of Hansard slugs
    PAGES[`pages/${name.replace(/\.html$/, '')}`] = { host: url.hostname, path: url.pathname, file };
  }
}

export function pageUrl(id) {
  const page = PAGES[id];
  if (!page) throw new Error(`no fixture page ${id}`);
  return `http://${page.host}${page.path}`;
}

export function pageHtml(id) {
  const page = PAGES[id];
  return page.render ? page.render() : fs.readFileSync(page.file, 'utf8');
}

/** Routes for the fixture server (paths as the browser sends them, percent-encoding kept). */
export function routes() {
  return Object.values(PAGES);
}
