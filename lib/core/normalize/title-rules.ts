// Job-title rules, matched in order against the folded title (lower case, no
// accents, punctuation turned into spaces). The first matching rule wins, so
// specific rules come before general ones: "vice president" before
// "president", "sales engineer" (sales) before "engineer" (engineering).
// Latin-script words sit between \b boundaries; compounds (German and Dutch
// "Vertriebsleiter", "Softwareontwikkelaar") match as word parts; Japanese has
// no spaces, so its words (部長, エンジニア) match anywhere in the title.
import type { Persona, Seniority } from '../contract.ts';

export interface TitleRule<T> {
  /** Stable rule name, quoted in the reason. */
  name: string;
  value: T;
  pattern: RegExp;
}

/** "Owner" is the business owner, unless it is a product, process or data owner. */
/** Assistants to executives: entry seniority, operations persona, whatever title they assist. */
const ASSISTANT = '\\b(?:executive|personal|administrative|ceo|cfo|cto|coo|cmo|cio|md|president|management|board|office) assistant\\b|\\bassistant to\\b|\\bea to\\b|\\bassistent(?:in)? (?:der|des)\\b|\\bassistante de direction\\b'
  + '|\\bassistente (?:di direzione|administrativ[oa]|executiv[oa])\\b|\\basistente (?:de direccion|ejecutiv[oa]|administrativ[oa])\\b'
  + '|\\b(?:secretaria|secretaire|segretaria)\\b|sekretar|secretaresse|秘書';
const OWNER = '(?<!product |process |data |system |service |risk |account |budget |content |project |program |business process )\\bowner\\b';

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
  rule('intern_student', 'entry', '\\b(?:intern|internship|trainee|apprentice|apprenti|stagiaire|stagiair|stagista|tirocinante|alternant|becari[oa]|practicante|pasante|estagiari[oa]|student|studentin|etudiant|etudiante|estudiante|azubi)\\b|praktikant|werkstudent|auszubildend|インターン|実習生|研修生'),
  rule('junior', 'entry', '\\b(?:junior|jr|jnr)\\b|ジュニア'),
  rule('vice_president', 'vp', '\\b(?:vice president|vicepresident[ea]?|vice presidente?|vize ?prasident(?:in)?|v p|vp|svp|evp|avp|gvp|rvp)\\b|執行役員|副社長'),
  rule('c_level_acronym', 'c_level', C_ACRONYM.source),
  rule('chief_officer', 'c_level', CHIEF_OFFICER.source + '|最高\\S{0,8}責任者'),
  rule('founder_owner', 'c_level', '(?:founder|gr(?:u|ue)nder(?:in)?\\b|fondat(?:eur|rice|ore)|fundador|oprichter)|\\b(?:founding partner|inhaber(?:in)?|proprietor|proprietaire|propietari[oa]|proprietari[oa]|dono|duen[oa]|titolare|eigenaar|eigenares)\\b|創業者|創業|オーナー|' + OWNER),
  rule('president', 'c_level', '(?<!vice )\\b(?:president[ea]?|prasident(?:in)?|chairman|chairwoman|chairperson|chair of the board)\\b|社長|会長'),
  rule('managing_director', 'c_level', '\\b(?:managing director|managing partner|general director|director[a]? general|directeur general|directrice generale|diretor[a]? geral|director[a]? ejecutiv[oa]|diretor[a]? executiv[oa]|socio diretor[a]?|consejer[oa] delegad[oa]|amministratore delegato|direttore generale|direttrice generale|algemeen directeur|directeur generaal|pdg|dg|gerant|gerante|geschaftsfuhrer(?:in)?|geschaeftsfuehrer(?:in)?|vorstand\\w*|executive director)\\b|取締役'),
  rule('general_manager', 'director', '\\b(?:general manager|gm|gerente general|gerente geral)\\b'),
  rule('chief_of_staff', 'director', '\\bchief of staff\\b'),
  rule('head_of', 'director', '\\bhead\\b|\\bhoofd\\b|\\bjefe de (?!proyecto)|\\bjefa de (?!proyecto)|\\bcapo (?!progetto)|本部長|部長|局長'),
  rule('director', 'director', '\\b(?:director[a]?|directeur|directrice|direktor(?:in)?|diretor[a]?|direttore|direttrice|dir|dsi|daf)\\b|ディレクター'),
  rule('team_leiter', 'manager', '(?:team|gruppen|projekt)leiter(?:in)?\\b'),
  rule('leiter', 'director', 'leiter(?:in)?\\b|\\bleitung\\b'),
  rule('manager', 'manager', '\\b(?:manager|mgr|mngr|gerente|responsable|responsabile|supervisor|superviseur|team lead|teamlead|chef de|chef d|jefe de proyecto|jefa de proyecto|capo progetto|coordinador[a]? general|coordenador[a]?)\\b|manager(?:in)?\\b|leider\\b|マネージャー|マネジャー|課長|係長|室長'),
  rule('senior', 'senior', '\\b(?:senior|sr|snr|principal|staff (?:engineer|software|data|scientist|developer|designer)|lead(?! gen)|expert[e]?|experte)\\b|シニア|主任'),
  rule('entry_level', 'entry', '\\b(?:associate|assistant|assistent(?:in)?|asistente|assistente|coordinator|coordinatrice|coordinateur|graduate|entry level|sdr|bdr|(?:sales|business) development representative)\\b'),
];

export const PERSONA_RULES: readonly TitleRule<Persona>[] = [
  rule('assistant', 'operations', ASSISTANT),
  rule('student', 'student', '\\b(?:student|studentin|etudiant|etudiante|estudiante|estudante|alumn[oa]|phd candidate|doktorand(?:in)?)\\b|werkstudent|学生'),
  rule('executive', 'executive', '(?:founder|gr(?:u|ue)nder(?:in)?\\b|fondat(?:eur|rice|ore)|fundador|oprichter)|\\b(?:founding partner|inhaber(?:in)?|proprietor|proprietaire|propietari[oa]|proprietari[oa]|duen[oa]|titolare|eigenaar|eigenares|chairman|chairwoman|chairperson|managing director|managing partner|general director|director[a]? general|directeur general|directrice generale|diretor[a]? geral|director[a]? ejecutiv[oa]|diretor[a]? executiv[oa]|socio diretor[a]?|consejer[oa] delegad[oa]|amministratore delegato|direttore generale|direttrice generale|algemeen directeur|directeur generaal|pdg|dg|gerant|gerante|geschaftsfuhrer(?:in)?|geschaeftsfuehrer(?:in)?|vorstand\\w*|general manager|gm|gerente general|gerente geral|executive director|entrepreneur|unternehmer(?:in)?)\\b|(?<!vice )\\b(?:president[ea]?|prasident(?:in)?)\\b|社長|会長|取締役|執行役員|創業者|経営者|オーナー|最高経営責任者|' + OWNER),
  rule('it_security', 'it_security', '\\b(?:security|securite|seguridad|seguranca|sicurezza|beveiliging|sicherheit\\w*|infosec|cyber\\w*|it|ict|ti|edv|dsi|information technology|information systems|information|informatique|informatica|informatik|sysadmin|sistemista|sistemas|system administrator|systems administrator|systemadministrator(?:in)?|systeembeheerder|network|netzwerk\\w*|helpdesk|help desk|service desk|infrastructure|infrastruktur|soc)\\b|sicherheit|informatiker|情報システム|情シス|セキュリティ|インフラ'),
  rule('data', 'data', '\\b(?:data|daten|donnees|datos|dados|dati|analytics|business intelligence|bi|machine learning|ml|ai|artificial intelligence|scientist|statistician|dba|database|datenbank\\w*)\\b|datenanaly|\\bdata\\w*|データ'),
  rule('sales', 'sales', '\\bsales(?!force)\\w*|\\b(?:vente|ventes|ventas|vendas|vendite|vendedor[a]?|vendeur|vendeuse|commercial|commerciale|comercial|commercieel|business development|bizdev|biz dev|bdr|sdr|account executive|acct exec|ejecutiv[oa] de cuentas|executiv[oa] de contas|account manager|accountmanager|key account|inside sales|presales|pre sales|revenue|partnerships?|partner manager|channel|customer success|kam|revops|revenue operations)\\b|vertrieb|verkauf|verkoop|aussendienst|営業|セールス'),
  rule('marketing', 'marketing', '\\b(?:marketing|mktg|mercadotecnia|brand|branding|content|seo|sem|growth|communications?|comms|pr|public relations|social media|demand gen\\w*|campaigns?|events?|kommunikation|comunicacion|comunicacao|comunicazione|communicatie|copywriter|creative|graphic|graphiste)\\b|marketing|werbung|マーケティング|広報|宣伝'),
  rule('product', 'product', '\\b(?:product|products|produkt|produit|producto|produto|prodotto|prod|ux|ui|user experience|designer|design)\\b|produktmanag|productmanag|プロダクト|製品'),
  rule('engineering', 'engineering', '\\b(?:engineer|engineering|engineers|eng|swe|sde|developer|development|software|programmer|programador[a]?|ingenieur(?:in)?|ingeniero|ingeniera|ingenieria|engenheir[oa]|ingegnere|desarrollador[a]?|developpeur|developpeuse|desenvolvedor[a]?|sviluppatore|sviluppatrice|devops|sre|site reliability|architect|architecture|technical|technology|tech|technique|technisch|technischer|tecnico|tecnica|tecnologia|frontend|front end|backend|back end|full stack|fullstack|qa|tester|test automation|r d|cto|firmware|embedded|mobile)\\b|entwickl|ontwikkel|ingenieur|technik|techniker|エンジニア|開発|技術|プログラマ'),
  rule('finance', 'finance', '\\b(?:finance|financial|financier|financiere|financiero|financiera|financeiro|financeira|finanziario|finanziaria|financieel|finanzas|financas|accounting|accountant|acct|accounts payable|accounts receivable|controller|controlling|controleur|treasury|treasurer|comptable|comptabilite|contabilidad|contabile|contador[a]?|contable|boekhouder|tax|audit|auditor|payroll|fp a|billing|budget|daf|procurement finance)\\b|finanz|buchhalt|kaufmannische|経理|財務|会計'),
  rule('hr', 'hr', '\\b(?:hr|human resources|people|talent|recruiter|recruiting|recruitment|recrutement|reclutamiento|reclutador[a]?|recrutador[a]?|recrutamento|rh|ressources humaines|recursos humanos|risorse umane|rrhh|chro|learning and development|l d|hrbp)\\b|personal(?:leit|abteil|referent|wesen|entwickl|chef|manag)|\\bpersonal\\b(?! assistant)|personeel|人事|採用'),
  rule('operations', 'operations', '\\b(?:operations|operation|ops|operating|coo|logistics|logistique|logistica|supply chain|procurement|purchasing|purchaser|buyer|achats|acheteur|compras|comprador[a]?|acquisti|inkoop|inkoper|facility|facilities|office manager|administration|administrative|admin|amministrativ[oa]|project manager|program manager|programme manager|chef de projet|jefe de proyecto|jefa de proyecto|capo progetto|project|projects|process|customer service|customer support|support|klantenservice|betrieb|operaciones|operacoes|produktion|produzione|produccion|producao|chief of staff)\\b|einkauf|logistik|projektleit|projektmanag|projectleid|総務|購買|物流'),
];
