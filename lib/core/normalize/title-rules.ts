// Job-title rules, matched in order against the folded title (lower case, no
// accents, punctuation turned into spaces). The first matching rule wins, so
// specific rules come before general ones: "vice president" before
// "president", "sales engineer" (sales) before "engineer" (engineering).
import type { Persona, Seniority } from '../contract.ts';

export interface TitleRule<T> {
  /** Stable rule name, quoted in the reason. */
  name: string;
  value: T;
  pattern: RegExp;
}

/** "Owner" is the business owner, unless it is a product, process or data owner. */
/** Assistants to executives: entry seniority, operations persona, whatever title they assist. */
const ASSISTANT = '\\b(?:executive|personal|administrative) assistant\\b|\\bassistant to\\b|\\bea to\\b|\\bassistent(?:in)? (?:der|des)\\b|\\bassistante de direction\\b';
const OWNER = '(?<!product |process |data |system |service |risk |account )\\bowner\\b';

const rule = <T>(name: string, value: T, source: string): TitleRule<T> => ({ name, value, pattern: new RegExp(source) });

/** C-level acronyms carry their function: CTO is engineering, CISO security. */
export const C_LEVEL_ACRONYMS: Record<string, Persona> = {
  ceo: 'executive', cto: 'engineering', cfo: 'finance', coo: 'operations', cio: 'it_security', ciso: 'it_security',
  cso: 'executive', cmo: 'marketing', cro: 'sales', cpo: 'product', cdo: 'data', cdao: 'data', chro: 'hr', cco: 'sales',
  cao: 'finance', cxo: 'executive', cpto: 'product',
};
export const C_ACRONYM = new RegExp(`\\b(${Object.keys(C_LEVEL_ACRONYMS).join('|')})\\b`);
/** "Chief Information Security Officer": the words between name the function. */
export const CHIEF_OFFICER = /\bchief ((?:[a-z]+ ){0,4}?)officer\b/;

export const SENIORITY_RULES: readonly TitleRule<Seniority>[] = [
  rule('assistant_to', 'entry', ASSISTANT),
  rule('intern_student', 'entry', '\\b(?:intern|internship|trainee|apprentice|apprenti|stagiaire|alternant|becari[oa]|practicante|pasante|estagiari[oa]|student|studentin|etudiant|etudiante|estudiante|azubi)\\b|praktikant|werkstudent|auszubildend'),
  rule('junior', 'entry', '\\b(?:junior|jr|jnr)\\b'),
  rule('vice_president', 'vp', '\\b(?:vice president|vicepresident[ea]?|vice presidente?|vize ?prasident(?:in)?|v p|vp|svp|evp|avp|gvp|rvp)\\b'),
  rule('c_level_acronym', 'c_level', C_ACRONYM.source),
  rule('chief_officer', 'c_level', CHIEF_OFFICER.source),
  rule('founder_owner', 'c_level', '\\b(?:co ?founder|founder|founding partner|gr(?:u|ue)nder(?:in)?|fondateur|fondatrice|fundador[a]?|inhaber(?:in)?|proprietor|proprietaire|propietari[oa]|dono)\\b|' + OWNER),
  rule('president', 'c_level', '(?<!vice )\\b(?:president[ea]?|prasident(?:in)?|chairman|chairwoman|chairperson|chair of the board)\\b'),
  rule('managing_director', 'c_level', '\\b(?:managing director|managing partner|general director|director[a]? general|directeur general|directrice generale|diretor[a]? geral|consejer[oa] delegad[oa]|pdg|dg|geschaftsfuhrer(?:in)?|geschaeftsfuehrer(?:in)?|vorstand\\w*|executive director)\\b'),
  rule('general_manager', 'director', '\\b(?:general manager|gm|gerente general|gerente geral)\\b'),
  rule('chief_of_staff', 'director', '\\bchief of staff\\b'),
  rule('head_of', 'director', '\\bhead\\b|\\bjefe de (?!proyecto)|\\bjefa de (?!proyecto)'),
  rule('director', 'director', '\\b(?:director[a]?|directeur|directrice|direktor(?:in)?|diretor[a]?|dir)\\b'),
  rule('team_leiter', 'manager', '(?:team|gruppen|projekt)leiter(?:in)?\\b'),
  rule('leiter', 'director', 'leiter(?:in)?\\b|\\bleitung\\b'),
  rule('manager', 'manager', '\\b(?:manager|mgr|mngr|gerente|responsable|supervisor|superviseur|team lead|teamlead|chef de|chef d|jefe de proyecto|jefa de proyecto|coordinador[a]? general)\\b|manager(?:in)?\\b'),
  rule('senior', 'senior', '\\b(?:senior|sr|snr|principal|staff (?:engineer|software|data|scientist|developer|designer)|lead(?! gen)|expert[e]?|experte)\\b'),
  rule('entry_level', 'entry', '\\b(?:associate|assistant|assistent(?:in)?|asistente|coordinator|coordinatrice|coordinateur|graduate|entry level|sdr|bdr)\\b'),
];

export const PERSONA_RULES: readonly TitleRule<Persona>[] = [
  rule('assistant', 'operations', ASSISTANT),
  rule('student', 'student', '\\b(?:student|studentin|etudiant|etudiante|estudiante|estudante|alumn[oa]|phd candidate|doktorand(?:in)?)\\b|werkstudent'),
  rule('executive', 'executive', '\\b(?:co ?founder|founder|founding partner|gr(?:u|ue)nder(?:in)?|fondateur|fondatrice|fundador[a]?|inhaber(?:in)?|proprietor|proprietaire|propietari[oa]|chairman|chairwoman|chairperson|managing director|managing partner|general director|director[a]? general|directeur general|directrice generale|diretor[a]? geral|consejer[oa] delegad[oa]|pdg|dg|geschaftsfuhrer(?:in)?|geschaeftsfuehrer(?:in)?|vorstand\\w*|general manager|gm|gerente general|gerente geral|executive director|entrepreneur|unternehmer(?:in)?)\\b|(?<!vice )\\b(?:president[ea]?|prasident(?:in)?)\\b|' + OWNER),
  rule('it_security', 'it_security', '\\b(?:security|securite|seguridad|seguranca|sicherheit\\w*|infosec|cyber\\w*|it|ict|edv|information technology|information systems|information|informatique|informatica|informatik|sysadmin|system administrator|systems administrator|systemadministrator(?:in)?|network|netzwerk\\w*|helpdesk|help desk|service desk|infrastructure|infrastruktur|soc)\\b|sicherheit'),
  rule('data', 'data', '\\b(?:data|daten|donnees|datos|dados|analytics|business intelligence|bi|machine learning|ml|ai|artificial intelligence|scientist|statistician|dba|database|datenbank\\w*)\\b|datenanaly|\\bdata\\w*'),
  rule('sales', 'sales', '\\b(?:sales|vente|ventes|ventas|vendas|vendedor[a]?|vendeur|vendeuse|commercial|commerciale|comercial|business development|bizdev|biz dev|bdr|sdr|account executive|account manager|key account|inside sales|presales|pre sales|revenue|partnerships?|partner manager|channel|customer success|kam|revops|revenue operations)\\b|vertrieb|verkauf|aussendienst'),
  rule('marketing', 'marketing', '\\b(?:marketing|mercadotecnia|brand|branding|content|seo|sem|growth|communications?|comms|pr|public relations|social media|demand gen\\w*|campaigns?|events?|kommunikation|comunicacion|comunicacao|copywriter|creative|graphic|graphiste)\\b|marketing|werbung'),
  rule('product', 'product', '\\b(?:product|products|produkt|produit|producto|produto|ux|ui|user experience|designer|design)\\b|produktmanag'),
  rule('engineering', 'engineering', '\\b(?:engineer|engineering|engineers|developer|development|software|programmer|programador[a]?|ingenieur(?:in)?|ingeniero|ingeniera|ingenieria|engenheir[oa]|desarrollador[a]?|developpeur|developpeuse|desenvolvedor[a]?|devops|sre|site reliability|architect|architecture|technical|technology|tech|frontend|front end|backend|back end|full stack|fullstack|qa|tester|test automation|r d|cto|firmware|embedded|mobile)\\b|entwickl|ingenieur|technik|techniker'),
  rule('finance', 'finance', '\\b(?:finance|financial|financier|financiere|financiero|financiera|finanzas|financas|accounting|accountant|controller|controlling|treasury|treasurer|comptable|comptabilite|contabilidad|contador[a]?|contable|tax|audit|auditor|payroll|fp a|billing|procurement finance)\\b|finanz|buchhalt|kaufmannische'),
  rule('hr', 'hr', '\\b(?:hr|human resources|people|talent|recruiter|recruiting|recruitment|rh|ressources humaines|recursos humanos|rrhh|chro|learning and development|l d|hrbp)\\b|personal(?:leit|abteil|referent|wesen|entwickl|chef|manag)|\\bpersonal\\b(?! assistant)'),
  rule('operations', 'operations', '\\b(?:operations|operation|ops|operating|coo|logistics|logistique|logistica|supply chain|procurement|purchasing|purchaser|buyer|achats|acheteur|compras|comprador[a]?|facility|facilities|office manager|administration|administrative|admin|project manager|program manager|programme manager|chef de projet|jefe de proyecto|jefa de proyecto|project|projects|customer service|customer support|support|betrieb|operaciones|operacoes|chief of staff)\\b|einkauf|logistik|projektleit|projektmanag'),
];
