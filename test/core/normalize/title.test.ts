import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PERSONAS, SENIORITIES } from '../../../lib/core/contract.ts';
import { classifyTitle } from '../../../lib/core/normalize/index.ts';

describe('classifyTitle', () => {
  it.each([
    // English, C-level and executive
    ['CEO', 'executive', 'c_level'],
    ['Founder & CEO', 'executive', 'c_level'],
    ['Co-Founder', 'executive', 'c_level'],
    ['Owner', 'executive', 'c_level'],
    ['President', 'executive', 'c_level'],
    ['Managing Director', 'executive', 'c_level'],
    ['General Manager', 'executive', 'director'],
    ['GM, EMEA', 'executive', 'director'],
    ['Chief Executive Officer', 'executive', 'c_level'],
    ['CTO', 'engineering', 'c_level'],
    ['Co-founder & CTO', 'engineering', 'c_level'],
    ['Chief Technology Officer', 'engineering', 'c_level'],
    ['CISO', 'it_security', 'c_level'],
    ['Chief Information Security Officer', 'it_security', 'c_level'],
    ['CIO', 'it_security', 'c_level'],
    ['Chief Information Officer', 'it_security', 'c_level'],
    ['CFO', 'finance', 'c_level'],
    ['Chief Financial Officer', 'finance', 'c_level'],
    ['CMO', 'marketing', 'c_level'],
    ['CRO', 'sales', 'c_level'],
    ['Chief Revenue Officer', 'sales', 'c_level'],
    ['COO', 'operations', 'c_level'],
    ['Chief Operating Officer', 'operations', 'c_level'],
    ['Chief Product Officer', 'product', 'c_level'],
    ['Chief Data Officer', 'data', 'c_level'],
    ['Chief People Officer', 'hr', 'c_level'],
    // VPs, heads, directors
    ['VP Sales', 'sales', 'vp'],
    ['V.P. of Sales', 'sales', 'vp'],
    ['SVP Engineering', 'engineering', 'vp'],
    ['EVP, Finance', 'finance', 'vp'],
    ['Vice President of Product', 'product', 'vp'],
    ['Vice-President Marketing', 'marketing', 'vp'],
    ['Head of Data', 'data', 'director'],
    ['Head of IT', 'it_security', 'director'],
    ['Head of People', 'hr', 'director'],
    ['Director of Engineering', 'engineering', 'director'],
    ['Dir. of Engineering', 'engineering', 'director'],
    ['Senior Director, Demand Generation', 'marketing', 'director'],
    ['Creative Director', 'marketing', 'director'],
    ['Chief of Staff', 'operations', 'director'],
    // managers and individual contributors
    ['Marketing Manager', 'marketing', 'manager'],
    ['Sr. Mgr, Marketing Ops', 'marketing', 'manager'],
    ['Product Manager', 'product', 'manager'],
    ['Engineering Manager', 'engineering', 'manager'],
    ['Office Manager', 'operations', 'manager'],
    ['Account Manager', 'sales', 'manager'],
    ['Customer Success Manager', 'sales', 'manager'],
    ['Talent Acquisition Manager', 'hr', 'manager'],
    ['Team Lead, Support', 'operations', 'manager'],
    ['Senior Software Engineer', 'engineering', 'senior'],
    ['Sr. Data Scientist', 'data', 'senior'],
    ['Principal Engineer', 'engineering', 'senior'],
    ['Staff Software Engineer', 'engineering', 'senior'],
    ['Lead Developer', 'engineering', 'senior'],
    ['Security Engineer', 'it_security', 'unknown'],
    ['Network Administrator', 'it_security', 'unknown'],
    ['Data Engineer', 'data', 'unknown'],
    ['Sales Engineer', 'sales', 'unknown'],
    ['Account Executive', 'sales', 'unknown'],
    ['Business Development Representative', 'sales', 'entry'], // as BDR
    ['Software Developer', 'engineering', 'unknown'],
    ['DevOps Engineer', 'engineering', 'unknown'],
    ['UX Designer', 'product', 'unknown'],
    ['Product Owner', 'product', 'unknown'],
    ['Product Marketing Manager', 'marketing', 'manager'],
    ['Financial Controller', 'finance', 'unknown'],
    ['Recruiter', 'hr', 'unknown'],
    ['HR Business Partner', 'hr', 'unknown'],
    ['Procurement Specialist', 'operations', 'unknown'],
    // entry level
    ['Marketing Intern', 'marketing', 'entry'],
    ['Software Engineering Intern', 'engineering', 'entry'],
    ['Student', 'student', 'entry'],
    ['PhD Student', 'student', 'entry'],
    ['Jr. Accountant', 'finance', 'entry'],
    ['Junior Developer', 'engineering', 'entry'],
    ['Marketing Coordinator', 'marketing', 'entry'],
    ['Sales Assistant', 'sales', 'entry'],
    ['Executive Assistant to the CEO', 'operations', 'entry'],
    ['Trainee', 'other', 'entry'],
    // German
    ['Geschäftsführer', 'executive', 'c_level'],
    ['Geschaeftsfuehrerin', 'executive', 'c_level'],
    ['Inhaber', 'executive', 'c_level'],
    ['Vorstandsvorsitzender', 'executive', 'c_level'],
    ['Leiter Marketing', 'marketing', 'director'],
    ['Leiterin Vertrieb', 'sales', 'director'],
    ['Vertriebsleiter', 'sales', 'director'],
    ['Personalleiter', 'hr', 'director'],
    ['IT-Leiter', 'it_security', 'director'],
    ['Leiter Einkauf', 'operations', 'director'],
    ['Einkauf', 'operations', 'unknown'],
    ['Teamleiter Vertrieb', 'sales', 'manager'],
    ['Entwickler', 'engineering', 'unknown'],
    ['Softwareentwickler', 'engineering', 'unknown'],
    ['Senior Softwareentwicklerin', 'engineering', 'senior'],
    ['Werkstudent', 'student', 'entry'],
    ['Werkstudentin Marketing', 'student', 'entry'],
    ['Praktikant Vertrieb', 'sales', 'entry'],
    ['Buchhalterin', 'finance', 'unknown'],
    // French
    ['Directeur Commercial', 'sales', 'director'],
    ['Directrice Marketing', 'marketing', 'director'],
    ['Directeur Général', 'executive', 'c_level'],
    ['PDG', 'executive', 'c_level'],
    ['DG', 'executive', 'c_level'],
    ['Président', 'executive', 'c_level'],
    ['Responsable Marketing', 'marketing', 'manager'],
    ['Responsable RH', 'hr', 'manager'],
    ['Responsable informatique', 'it_security', 'manager'],
    ['Ingénieur logiciel', 'engineering', 'unknown'],
    ['Ingénieure DevOps', 'engineering', 'unknown'],
    ['Chef de projet', 'operations', 'manager'],
    ['Stagiaire', 'other', 'entry'],
    ['Stagiaire Marketing', 'marketing', 'entry'],
    ['Commercial', 'sales', 'unknown'],
    ['Développeur', 'engineering', 'unknown'],
    // Spanish
    ['Director Comercial', 'sales', 'director'],
    ['Directora de Marketing', 'marketing', 'director'],
    ['Directora Financiera', 'finance', 'director'],
    ['Director General', 'executive', 'c_level'],
    ['Consejero Delegado', 'executive', 'c_level'],
    ['Gerente de Ventas', 'sales', 'manager'],
    ['Gerente General', 'executive', 'director'],
    ['Jefe de Ventas', 'sales', 'director'],
    ['Jefe de Proyecto', 'operations', 'manager'],
    ['Ingeniero de Software', 'engineering', 'unknown'],
    ['Desarrolladora', 'engineering', 'unknown'],
    ['Vendedor', 'sales', 'unknown'],
    ['Becario', 'other', 'entry'],
    ['Becaria de Marketing', 'marketing', 'entry'],
    ['Vicepresidente de Ventas', 'sales', 'vp'],
    // messy input
    ['  vp, SALES & marketing  ', 'sales', 'vp'],
    ['CEO/Founder', 'executive', 'c_level'],
    ['Astronaut', 'other', 'unknown'],
    ['Teacher', 'other', 'unknown'],
  ])('%j → %s, %s', (title, persona, seniority) => {
    const r = classifyTitle(title);
    expect([r.value.persona, r.value.seniority]).toEqual([persona, seniority]);
  });

  it.each([
    [null, 'title_missing'], ['', 'title_missing'], [42, 'title_unrecognized'], [{}, 'title_not_text'],
    ['x'.repeat(1000), 'title_too_long'], ['Astronaut', 'title_unrecognized'], ['VP Sales', 'title_classified'],
  ])('%j → reason %s', (title, code) => {
    expect(classifyTitle(title).reasons.map((x) => x.code)).toEqual([code]);
  });

  it('names the rules that matched', () => {
    const r = classifyTitle('VP Sales');
    expect(r.value).toEqual({ persona: 'sales', seniority: 'vp', personaRule: 'sales', seniorityRule: 'vice_president' });
    expect(r.reasons[0]?.message).toMatchInlineSnapshot(
      `"Job title “VP Sales” → persona sales (rule sales: “sales”), seniority vp (rule vice_president: “vp”)."`,
    );
    expect(classifyTitle('CISO').reasons[0]?.message).toMatchInlineSnapshot(
      `"Job title “CISO” → persona it_security (rule c_level_acronym: “ciso”), seniority c_level (rule c_level_acronym: “ciso”)."`,
    );
    expect(classifyTitle('Astronaut').reasons[0]?.message).toMatchInlineSnapshot(
      `"Job title “Astronaut” matched no title rule, so persona is other and seniority unknown."`,
    );
  });

  it('always answers from the contract lists', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), fc.anything()), (title) => {
        const { persona, seniority } = classifyTitle(title).value;
        expect(PERSONAS).toContain(persona);
        expect(SENIORITIES).toContain(seniority);
      }),
      { numRuns: 500 },
    );
  });
});
