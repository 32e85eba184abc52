/** A rank as a nation calls it, with the NATO code it stands for. */
export interface NationalRank {
  code: string;
  en: string;
  ar: string;
}

const rank = (code: string, en: string, ar: string): NationalRank => ({ code, en, ar });

// The titles of the Gulf and Jordanian forces, army and air force first, then the navies' own
// (whose Arabic titles add بحري). Two titles may share a code: NATO counts a second lieutenant
// and a lieutenant alike as OF-1.
const ARAB_FORCES: NationalRank[] = [
  rank('OR-1', 'Private', 'جندي'),
  rank('OR-2', 'Private First Class', 'جندي أول'),
  rank('OR-3', 'Lance Corporal', 'نائب عريف'),
  rank('OR-4', 'Corporal', 'عريف'),
  rank('OR-5', 'Sergeant', 'رقيب'),
  rank('OR-6', 'Staff Sergeant', 'رقيب أول'),
  rank('OR-7', 'Master Sergeant', 'رئيس رقباء'),
  rank('OR-8', 'Warrant Officer', 'وكيل ضابط'),
  rank('OR-9', 'Chief Warrant Officer', 'وكيل ضابط أول'),
  rank('OF-1', 'Second Lieutenant', 'ملازم'),
  rank('OF-1', 'Lieutenant', 'ملازم أول'),
  rank('OF-2', 'Captain', 'نقيب'),
  rank('OF-3', 'Major', 'رائد'),
  rank('OF-4', 'Lieutenant Colonel', 'مقدم'),
  rank('OF-5', 'Colonel', 'عقيد'),
  rank('OF-6', 'Brigadier General', 'عميد'),
  rank('OF-7', 'Major General', 'لواء'),
  rank('OF-8', 'Lieutenant General', 'فريق'),
  rank('OF-9', 'General', 'فريق أول'),
  rank('OF-10', 'Field Marshal', 'مشير'),
  rank('OF-1', 'Sub-Lieutenant', 'ملازم بحري'),
  rank('OF-2', 'Lieutenant (Navy)', 'نقيب بحري'),
  rank('OF-3', 'Lieutenant Commander', 'رائد بحري'),
  rank('OF-4', 'Commander', 'مقدم بحري'),
  rank('OF-5', 'Captain (Navy)', 'عقيد بحري'),
  rank('OF-6', 'Commodore', 'عميد بحري'),
  rank('OF-7', 'Rear Admiral', 'لواء بحري'),
  rank('OF-8', 'Vice Admiral', 'فريق بحري'),
  rank('OF-9', 'Admiral', 'فريق أول بحري'),
];

/**
 * The national rank titles of the nations the demonstration centre works with, so an NPOC can
 * pick a rank by the title they know. A nation not listed picks by NATO code and types its title.
 */
const BY_NATION: Record<string, NationalRank[]> = {
  KWT: ARAB_FORCES,
  QAT: ARAB_FORCES,
  BHR: ARAB_FORCES,
  ARE: ARAB_FORCES,
  SAU: ARAB_FORCES,
  OMN: ARAB_FORCES,
  JOR: ARAB_FORCES,
};

export function nationalRanks(nationCode: string | null | undefined): NationalRank[] {
  return (nationCode && BY_NATION[nationCode]) || [];
}
