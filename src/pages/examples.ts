/**
 * The pages each adapter claims, as real URLs, by adapter id: beside the adapters and kept out of them, since the
 * adapters ship in the content script of every parliament page and these are for tests and readers.
 * test/unit/pages/adapters.test.ts tries every example against every adapter (each claims its own, none another's).
 */
export const ADAPTER_EXAMPLES: Readonly<Record<string, readonly string[]>> = {
  'hansard-day': [
    'https://hansard.parliament.uk/commons/2020-01-09/debates/f558af45-2e9e-4f22-9692-ae71794a6469/CommonsChamber',
    'https://hansard.parliament.uk/Commons/2020-01-09/debates/F558AF45-2E9E-4F22-9692-AE71794A6469/CommonsChamber#contribution-4910D36D-4D88-49EF-9966-A4F9135A7ACB',
    'https://hansard.parliament.uk/Lords/2016-10-18/debates/0B5E9E4C-5D6B-4D37-9C1B-6C9E2F3E7A11/LordsChamber',
    'https://hansard.parliament.uk/Commons/2025-01-15/debates/3C1A1B1E-0F1D-4B0B-8E8B-2A4D5C6E7F80/WestminsterHall',
    'https://hansard.parliament.uk/Lords/2016-06-29/debates/7A1B2C3D-4E5F-4061-8A9B-0C1D2E3F4A5B/GrandCommittee',
  ],
  'hansard-committee-sitting': [
    'https://hansard.parliament.uk/Commons/2025-02-11/debates/9bc2d589-0744-404f-bfd0-a4bf986e4e23/ChildrenSWellbeingAndSchoolsBill(FourteenthSitting)',
    'https://hansard.parliament.uk/commons/2025-02-11/debates/9BC2D589-0744-404F-BFD0-A4BF986E4E23/ChildrenSWellbeingAndSchoolsBill(FourteenthSitting)#contribution-5B0C1D2E-3F40-4152-8637-48596A7B8C9D',
    'https://hansard.parliament.uk/Commons/2016-12-13/debates/1A2B3C4D-5E6F-4071-8293-A4B5C6D7E8F9/ChildrenAndSocialWorkBill(Lords)(SecondSitting)',
    'https://hansard.parliament.uk/Commons/2025-01-28/debates/2B3C4D5E-6F70-4182-93A4-B5C6D7E8F901/ChildrenSWellbeingAndSchoolsBill(TwentyFirstSitting)',
  ],
  'hansard-debate': [
    'https://hansard.parliament.uk/Commons/2025-03-17/debates/E5BB116A-6FBA-4758-9E0D-276C81369B21/Children’SWellbeingAndSchoolsBill',
    'https://hansard.parliament.uk/commons/2025-03-17/debates/e5bb116a-6fba-4758-9e0d-276c81369b21/Children%E2%80%99SWellbeingAndSchoolsBill',
    'https://hansard.parliament.uk/Lords/2026-02-09/debates/DD497F1C-E058-4049-99C2-F8B8FA31AC1A/Children’SWellbeingAndSchoolsBill#contribution-0E6C2D1A-3B4F-4A5B-9C8D-7E6F5A4B3C2D',
    'https://hansard.parliament.uk/Lords/2016-10-18/debates/6F1F2C5A-9B0E-4E0F-A1C2-3D4E5F60718A/ChildrenAndSocialWorkBill(HL)',
    'https://hansard.parliament.uk/Lords/2016-11-08/debates/5ABC82B8-3486-474C-8A9A-9445BBCD382E/details',
    'https://hansard.parliament.uk/Lords/2016-06-29/debates/4D1DAC39-C880-46E0-A365-EC2EBB271474/ChildrenAndSocialWorkBill(HL)',
  ],
  'bills-site': [
    'https://bills.parliament.uk/bills/3909',
    'https://bills.parliament.uk/bills/3909/stages',
    'https://bills.parliament.uk/bills/3909/publications',
    'https://bills.parliament.uk/bills/3909/news',
    'https://bills.parliament.uk/bills/3909/stages/19283/amendments',
  ],
  publications: [
    'https://publications.parliament.uk/pa/bills/lbill/2016-2017/0057/lbill_2016-20170057_en_2.htm',
    'https://publications.parliament.uk/pa/bills/cbill/2016-2017/0121/cbill_2016-20170121_en_2.htm',
    'https://publications.parliament.uk/pa/bills/cbill/2016-2017/0099/amend/children_rm_pbc_1207.1-7.html',
    'https://publications.parliament.uk/pa/bills/lbill/2016-2017/0001/lbill_2016-20170001_en_1.htm#l1g1',
  ],
};
