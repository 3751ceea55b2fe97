// US states (with DC and territories) and Canadian provinces and territories:
// code → names people write (English, and French for Canada).

export const US_STATES: Record<string, readonly string[]> = {
  AL: ['Alabama', 'Ala'], AK: ['Alaska'], AZ: ['Arizona', 'Ariz'], AR: ['Arkansas', 'Ark'],
  CA: ['California', 'Calif', 'Cal'], CO: ['Colorado', 'Colo'], CT: ['Connecticut', 'Conn'],
  DE: ['Delaware', 'Del'], DC: ['District of Columbia', 'Washington DC', 'Washington D.C.', 'D.C.'],
  FL: ['Florida', 'Fla'], GA: ['Georgia'], HI: ['Hawaii'], ID: ['Idaho'], IL: ['Illinois', 'Ill'],
  IN: ['Indiana', 'Ind'], IA: ['Iowa'], KS: ['Kansas', 'Kan'], KY: ['Kentucky', 'Ky.'], LA: ['Louisiana'],
  ME: ['Maine'], MD: ['Maryland', 'Md.'], MA: ['Massachusetts', 'Mass'], MI: ['Michigan', 'Mich'],
  MN: ['Minnesota', 'Minn'], MS: ['Mississippi', 'Miss'], MO: ['Missouri'], MT: ['Montana', 'Mont'],
  NE: ['Nebraska', 'Neb'], NV: ['Nevada', 'Nev'], NH: ['New Hampshire', 'N.H.'], NJ: ['New Jersey', 'N.J.'],
  NM: ['New Mexico', 'N.M.'], NY: ['New York', 'N.Y.', 'New York State'], NC: ['North Carolina', 'N.C.'],
  ND: ['North Dakota', 'N.D.'], OH: ['Ohio'], OK: ['Oklahoma', 'Okla'], OR: ['Oregon', 'Ore'],
  PA: ['Pennsylvania', 'Penn', 'Penna'], RI: ['Rhode Island', 'R.I.'], SC: ['South Carolina', 'S.C.'],
  SD: ['South Dakota', 'S.D.'], TN: ['Tennessee', 'Tenn'], TX: ['Texas', 'Tex'], UT: ['Utah'],
  VT: ['Vermont'], VA: ['Virginia'], WA: ['Washington', 'Washington State', 'Wash'], WV: ['West Virginia', 'W.Va.'],
  WI: ['Wisconsin', 'Wis'], WY: ['Wyoming', 'Wyo'],
  PR: ['Puerto Rico'], GU: ['Guam'], VI: ['US Virgin Islands', 'U.S. Virgin Islands'], AS: ['American Samoa'],
  MP: ['Northern Mariana Islands'], AA: ['Armed Forces Americas'], AE: ['Armed Forces Europe'], AP: ['Armed Forces Pacific'],
};

export const CA_PROVINCES: Record<string, readonly string[]> = {
  AB: ['Alberta', 'Alta'], BC: ['British Columbia', 'Colombie-Britannique', 'B.C.'], MB: ['Manitoba', 'Man'],
  NB: ['New Brunswick', 'Nouveau-Brunswick', 'N.B.'],
  NL: ['Newfoundland and Labrador', 'Newfoundland', 'Terre-Neuve-et-Labrador', 'Nfld', 'NF'],
  NS: ['Nova Scotia', 'Nouvelle-Écosse', 'N.S.'], NT: ['Northwest Territories', 'Territoires du Nord-Ouest', 'NWT'],
  NU: ['Nunavut'], ON: ['Ontario', 'Ont'], PE: ['Prince Edward Island', 'Île-du-Prince-Édouard', 'PEI', 'P.E.I.'],
  QC: ['Quebec', 'Québec', 'Province de Québec', 'PQ', 'Que'], SK: ['Saskatchewan', 'Sask'], YT: ['Yukon', 'Yukon Territory'],
};
