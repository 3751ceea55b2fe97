// HubSpot's company `industry` picklist (the internal values of the standard
// property, ~150 of them), each with its label and the sector it is scored by.
// Config gives points per sector plus per-value overrides, so every HubSpot
// industry has points without a 150-line table in config/decisions.json.
import { industryKey } from './values.ts';

export { industryKey };

export const INDUSTRY_SECTORS = [
  'technology', 'telecom_media', 'financial_services', 'healthcare_life_sciences', 'professional_services',
  'manufacturing_industrial', 'energy_utilities', 'construction_real_estate', 'retail_consumer',
  'transport_logistics', 'hospitality_leisure', 'education', 'public_sector', 'nonprofit', 'agriculture',
] as const;
export type IndustrySector = (typeof INDUSTRY_SECTORS)[number];

type Row = readonly [value: string, label: string];

const BY_SECTOR: Record<IndustrySector, readonly Row[]> = {
  technology: [
    ['COMPUTER_SOFTWARE', 'Computer software'], ['INTERNET', 'Internet'], ['INFORMATION_TECHNOLOGY_AND_SERVICES', 'Information technology and services'],
    ['COMPUTER_NETWORK_SECURITY', 'Computer and network security'], ['COMPUTER_GAMES', 'Computer games'], ['COMPUTER_HARDWARE', 'Computer hardware'],
    ['COMPUTER_NETWORKING', 'Computer networking'], ['INFORMATION_SERVICES', 'Information services'], ['SEMICONDUCTORS', 'Semiconductors'],
    ['NANOTECHNOLOGY', 'Nanotechnology'],
  ],
  telecom_media: [
    ['TELECOMMUNICATIONS', 'Telecommunications'], ['WIRELESS', 'Wireless'], ['BROADCAST_MEDIA', 'Broadcast media'], ['ONLINE_MEDIA', 'Online media'],
    ['MEDIA_PRODUCTION', 'Media production'], ['NEWSPAPERS', 'Newspapers'], ['PUBLISHING', 'Publishing'], ['MOTION_PICTURES_AND_FILM', 'Motion pictures and film'],
    ['ENTERTAINMENT', 'Entertainment'], ['MUSIC', 'Music'], ['ANIMATION', 'Animation'], ['PRINTING', 'Printing'], ['WRITING_AND_EDITING', 'Writing and editing'],
    ['TRANSLATION_AND_LOCALIZATION', 'Translation and localization'], ['PHOTOGRAPHY', 'Photography'],
  ],
  financial_services: [
    ['FINANCIAL_SERVICES', 'Financial services'], ['BANKING', 'Banking'], ['INSURANCE', 'Insurance'], ['CAPITAL_MARKETS', 'Capital markets'],
    ['INVESTMENT_BANKING', 'Investment banking'], ['INVESTMENT_MANAGEMENT', 'Investment management'],
    ['VENTURE_CAPITAL_PRIVATE_EQUITY', 'Venture capital and private equity'], ['ACCOUNTING', 'Accounting'],
  ],
  healthcare_life_sciences: [
    ['HOSPITAL_HEALTH_CARE', 'Hospital and health care'], ['MEDICAL_PRACTICE', 'Medical practice'], ['MEDICAL_DEVICES', 'Medical devices'],
    ['MENTAL_HEALTH_CARE', 'Mental health care'], ['PHARMACEUTICALS', 'Pharmaceuticals'], ['BIOTECHNOLOGY', 'Biotechnology'],
    ['ALTERNATIVE_MEDICINE', 'Alternative medicine'], ['HEALTH_WELLNESS_AND_FITNESS', 'Health, wellness and fitness'], ['VETERINARY', 'Veterinary'],
  ],
  professional_services: [
    ['MANAGEMENT_CONSULTING', 'Management consulting'], ['LAW_PRACTICE', 'Law practice'], ['LEGAL_SERVICES', 'Legal services'],
    ['ALTERNATIVE_DISPUTE_RESOLUTION', 'Alternative dispute resolution'], ['MARKET_RESEARCH', 'Market research'],
    ['MARKETING_AND_ADVERTISING', 'Marketing and advertising'], ['PUBLIC_RELATIONS_AND_COMMUNICATIONS', 'Public relations and communications'],
    ['STAFFING_AND_RECRUITING', 'Staffing and recruiting'], ['HUMAN_RESOURCES', 'Human resources'], ['OUTSOURCING_OFFSHORING', 'Outsourcing and offshoring'],
    ['PROFESSIONAL_TRAINING_COACHING', 'Professional training and coaching'], ['PROGRAM_DEVELOPMENT', 'Program development'], ['DESIGN', 'Design'],
    ['GRAPHIC_DESIGN', 'Graphic design'], ['EVENTS_SERVICES', 'Events services'], ['FACILITIES_SERVICES', 'Facilities services'],
    ['SECURITY_AND_INVESTIGATIONS', 'Security and investigations'], ['EXECUTIVE_OFFICE', 'Executive office'], ['RESEARCH', 'Research'], ['THINK_TANKS', 'Think tanks'],
  ],
  manufacturing_industrial: [
    ['AUTOMOTIVE', 'Automotive'], ['AVIATION_AEROSPACE', 'Aviation and aerospace'], ['DEFENSE_SPACE', 'Defense and space'], ['CHEMICALS', 'Chemicals'],
    ['ELECTRICAL_ELECTRONIC_MANUFACTURING', 'Electrical and electronic manufacturing'], ['INDUSTRIAL_AUTOMATION', 'Industrial automation'], ['MACHINERY', 'Machinery'],
    ['MECHANICAL_OR_INDUSTRIAL_ENGINEERING', 'Mechanical or industrial engineering'], ['PLASTICS', 'Plastics'], ['GLASS_CERAMICS_CONCRETE', 'Glass, ceramics and concrete'],
    ['PAPER_FOREST_PRODUCTS', 'Paper and forest products'], ['PACKAGING_AND_CONTAINERS', 'Packaging and containers'], ['RAILROAD_MANUFACTURE', 'Railroad manufacture'],
    ['SHIPBUILDING', 'Shipbuilding'], ['TEXTILES', 'Textiles'], ['BUILDING_MATERIALS', 'Building materials'],
    ['BUSINESS_SUPPLIES_AND_EQUIPMENT', 'Business supplies and equipment'], ['MINING_METALS', 'Mining and metals'],
  ],
  energy_utilities: [
    ['OIL_ENERGY', 'Oil and energy'], ['UTILITIES', 'Utilities'], ['RENEWABLES_ENVIRONMENT', 'Renewables and environment'], ['ENVIRONMENTAL_SERVICES', 'Environmental services'],
  ],
  construction_real_estate: [
    ['CONSTRUCTION', 'Construction'], ['CIVIL_ENGINEERING', 'Civil engineering'], ['REAL_ESTATE', 'Real estate'],
    ['COMMERCIAL_REAL_ESTATE', 'Commercial real estate'], ['ARCHITECTURE_PLANNING', 'Architecture and planning'],
  ],
  retail_consumer: [
    ['RETAIL', 'Retail'], ['CONSUMER_GOODS', 'Consumer goods'], ['CONSUMER_SERVICES', 'Consumer services'], ['CONSUMER_ELECTRONICS', 'Consumer electronics'],
    ['APPAREL_FASHION', 'Apparel and fashion'], ['COSMETICS', 'Cosmetics'], ['LUXURY_GOODS_JEWELRY', 'Luxury goods and jewelry'], ['SPORTING_GOODS', 'Sporting goods'],
    ['FURNITURE', 'Furniture'], ['SUPERMARKETS', 'Supermarkets'], ['WHOLESALE', 'Wholesale'], ['IMPORT_AND_EXPORT', 'Import and export'],
    ['FOOD_BEVERAGES', 'Food and beverages'], ['FOOD_PRODUCTION', 'Food production'], ['DAIRY', 'Dairy'], ['WINE_AND_SPIRITS', 'Wine and spirits'], ['TOBACCO', 'Tobacco'],
  ],
  transport_logistics: [
    ['LOGISTICS_AND_SUPPLY_CHAIN', 'Logistics and supply chain'], ['TRANSPORTATION_TRUCKING_RAILROAD', 'Transportation, trucking and railroad'],
    ['PACKAGE_FREIGHT_DELIVERY', 'Package and freight delivery'], ['WAREHOUSING', 'Warehousing'], ['MARITIME', 'Maritime'], ['AIRLINES_AVIATION', 'Airlines and aviation'],
  ],
  hospitality_leisure: [
    ['HOSPITALITY', 'Hospitality'], ['RESTAURANTS', 'Restaurants'], ['LEISURE_TRAVEL_TOURISM', 'Leisure, travel and tourism'],
    ['RECREATIONAL_FACILITIES_AND_SERVICES', 'Recreational facilities and services'], ['SPORTS', 'Sports'], ['GAMBLING_CASINOS', 'Gambling and casinos'],
    ['PERFORMING_ARTS', 'Performing arts'], ['FINE_ART', 'Fine art'], ['ARTS_AND_CRAFTS', 'Arts and crafts'], ['MUSEUMS_AND_INSTITUTIONS', 'Museums and institutions'],
  ],
  education: [
    ['EDUCATION_MANAGEMENT', 'Education management'], ['HIGHER_EDUCATION', 'Higher education'], ['PRIMARY_SECONDARY_EDUCATION', 'Primary and secondary education'],
    ['E_LEARNING', 'E-learning'], ['LIBRARIES', 'Libraries'],
  ],
  public_sector: [
    ['GOVERNMENT_ADMINISTRATION', 'Government administration'], ['GOVERNMENT_RELATIONS', 'Government relations'], ['LEGISLATIVE_OFFICE', 'Legislative office'],
    ['JUDICIARY', 'Judiciary'], ['LAW_ENFORCEMENT', 'Law enforcement'], ['MILITARY', 'Military'], ['PUBLIC_POLICY', 'Public policy'], ['PUBLIC_SAFETY', 'Public safety'],
    ['INTERNATIONAL_AFFAIRS', 'International affairs'], ['INTERNATIONAL_TRADE_AND_DEVELOPMENT', 'International trade and development'],
    ['POLITICAL_ORGANIZATION', 'Political organization'],
  ],
  nonprofit: [
    ['NON_PROFIT_ORGANIZATION_MANAGEMENT', 'Non-profit organization management'], ['PHILANTHROPY', 'Philanthropy'], ['FUND_RAISING', 'Fund-raising'],
    ['CIVIC_SOCIAL_ORGANIZATION', 'Civic and social organization'], ['RELIGIOUS_INSTITUTIONS', 'Religious institutions'],
    ['INDIVIDUAL_FAMILY_SERVICES', 'Individual and family services'],
  ],
  agriculture: [['FARMING', 'Farming'], ['RANCHING', 'Ranching'], ['FISHERY', 'Fishery']],
};

interface IndustryInfo { label: string; sector: IndustrySector }

const INFO: ReadonlyMap<string, IndustryInfo> = new Map(
  (Object.entries(BY_SECTOR) as [IndustrySector, readonly Row[]][]).flatMap(([sector, rows]) => rows.map(([value, label]) => [value, { label, sector }] as const)),
);

/** Every HubSpot industry value, in picklist order by sector. */
export const INDUSTRY_VALUES: readonly string[] = [...INFO.keys()];

/** True for a HubSpot industry value, in any case or spacing ("Computer Software", "computer_software"). */
export function isKnownIndustry(industry: string): boolean {
  return INFO.has(industryKey(industry));
}

/** "FINANCIAL_SERVICES" → "Financial services"; an unknown value is returned as written. */
export function industryLabel(industry: string): string {
  return INFO.get(industryKey(industry))?.label ?? industry;
}

export function industrySector(industry: string): IndustrySector | null {
  return INFO.get(industryKey(industry))?.sector ?? null;
}

/** The closest name in `names` to `wrong` (edit distance), for "did you mean" messages. */
export function nearestName(wrong: string, names: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const name of names) {
    const d = editDistance(wrong, name);
    if (d < bestDistance) {
      best = name;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length]!;
}

export interface IndustryPointsConfig {
  /** Per-value overrides (HubSpot values, any case). */
  industry: Record<string, number>;
  /** Points per sector. */
  industrySectors: Partial<Record<IndustrySector, number>>;
  unknownIndustry: number;
}

const tables = new WeakMap<object, Map<string, number>>();

/** Points for an industry: the value's override, else its sector's points, else the unknown-industry points. */
export function industryPoints(industry: string, fit: IndustryPointsConfig): number {
  let table = tables.get(fit);
  if (!table) {
    table = new Map();
    for (const [value, info] of INFO) {
      const points = fit.industrySectors[info.sector];
      if (points !== undefined) table.set(value, points);
    }
    for (const [k, v] of Object.entries(fit.industry)) table.set(industryKey(k), v);
    tables.set(fit, table);
  }
  return table.get(industryKey(industry)) ?? fit.unknownIndustry;
}
