// Every locale i18n-iso-countries ships, imported statically so the function
// bundles carry them (a dynamic import would not be bundled). Order matters:
// on a name two languages give to different countries, the earlier locale wins,
// so the languages our users write most come first. Regenerate when the package
// adds locales: one import per file in node_modules/i18n-iso-countries/langs.
import type { LocaleData } from 'i18n-iso-countries';
import l_en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import l_de from 'i18n-iso-countries/langs/de.json' with { type: 'json' };
import l_fr from 'i18n-iso-countries/langs/fr.json' with { type: 'json' };
import l_es from 'i18n-iso-countries/langs/es.json' with { type: 'json' };
import l_pt from 'i18n-iso-countries/langs/pt.json' with { type: 'json' };
import l_it from 'i18n-iso-countries/langs/it.json' with { type: 'json' };
import l_nl from 'i18n-iso-countries/langs/nl.json' with { type: 'json' };
import l_ja from 'i18n-iso-countries/langs/ja.json' with { type: 'json' };
import l_af from 'i18n-iso-countries/langs/af.json' with { type: 'json' };
import l_am from 'i18n-iso-countries/langs/am.json' with { type: 'json' };
import l_ar from 'i18n-iso-countries/langs/ar.json' with { type: 'json' };
import l_az from 'i18n-iso-countries/langs/az.json' with { type: 'json' };
import l_be from 'i18n-iso-countries/langs/be.json' with { type: 'json' };
import l_bg from 'i18n-iso-countries/langs/bg.json' with { type: 'json' };
import l_bn from 'i18n-iso-countries/langs/bn.json' with { type: 'json' };
import l_br from 'i18n-iso-countries/langs/br.json' with { type: 'json' };
import l_bs from 'i18n-iso-countries/langs/bs.json' with { type: 'json' };
import l_ca from 'i18n-iso-countries/langs/ca.json' with { type: 'json' };
import l_cs from 'i18n-iso-countries/langs/cs.json' with { type: 'json' };
import l_cy from 'i18n-iso-countries/langs/cy.json' with { type: 'json' };
import l_da from 'i18n-iso-countries/langs/da.json' with { type: 'json' };
import l_dv from 'i18n-iso-countries/langs/dv.json' with { type: 'json' };
import l_el from 'i18n-iso-countries/langs/el.json' with { type: 'json' };
import l_et from 'i18n-iso-countries/langs/et.json' with { type: 'json' };
import l_eu from 'i18n-iso-countries/langs/eu.json' with { type: 'json' };
import l_fa from 'i18n-iso-countries/langs/fa.json' with { type: 'json' };
import l_fi from 'i18n-iso-countries/langs/fi.json' with { type: 'json' };
import l_ga from 'i18n-iso-countries/langs/ga.json' with { type: 'json' };
import l_gl from 'i18n-iso-countries/langs/gl.json' with { type: 'json' };
import l_ha from 'i18n-iso-countries/langs/ha.json' with { type: 'json' };
import l_he from 'i18n-iso-countries/langs/he.json' with { type: 'json' };
import l_hi from 'i18n-iso-countries/langs/hi.json' with { type: 'json' };
import l_hr from 'i18n-iso-countries/langs/hr.json' with { type: 'json' };
import l_hu from 'i18n-iso-countries/langs/hu.json' with { type: 'json' };
import l_hy from 'i18n-iso-countries/langs/hy.json' with { type: 'json' };
import l_id from 'i18n-iso-countries/langs/id.json' with { type: 'json' };
import l_is from 'i18n-iso-countries/langs/is.json' with { type: 'json' };
import l_ka from 'i18n-iso-countries/langs/ka.json' with { type: 'json' };
import l_kk from 'i18n-iso-countries/langs/kk.json' with { type: 'json' };
import l_km from 'i18n-iso-countries/langs/km.json' with { type: 'json' };
import l_ko from 'i18n-iso-countries/langs/ko.json' with { type: 'json' };
import l_ku from 'i18n-iso-countries/langs/ku.json' with { type: 'json' };
import l_ky from 'i18n-iso-countries/langs/ky.json' with { type: 'json' };
import l_lt from 'i18n-iso-countries/langs/lt.json' with { type: 'json' };
import l_lv from 'i18n-iso-countries/langs/lv.json' with { type: 'json' };
import l_mk from 'i18n-iso-countries/langs/mk.json' with { type: 'json' };
import l_ml from 'i18n-iso-countries/langs/ml.json' with { type: 'json' };
import l_mn from 'i18n-iso-countries/langs/mn.json' with { type: 'json' };
import l_mr from 'i18n-iso-countries/langs/mr.json' with { type: 'json' };
import l_ms from 'i18n-iso-countries/langs/ms.json' with { type: 'json' };
import l_mt from 'i18n-iso-countries/langs/mt.json' with { type: 'json' };
import l_nb from 'i18n-iso-countries/langs/nb.json' with { type: 'json' };
import l_nn from 'i18n-iso-countries/langs/nn.json' with { type: 'json' };
import l_no from 'i18n-iso-countries/langs/no.json' with { type: 'json' };
import l_pl from 'i18n-iso-countries/langs/pl.json' with { type: 'json' };
import l_ps from 'i18n-iso-countries/langs/ps.json' with { type: 'json' };
import l_ro from 'i18n-iso-countries/langs/ro.json' with { type: 'json' };
import l_ru from 'i18n-iso-countries/langs/ru.json' with { type: 'json' };
import l_sd from 'i18n-iso-countries/langs/sd.json' with { type: 'json' };
import l_sk from 'i18n-iso-countries/langs/sk.json' with { type: 'json' };
import l_sl from 'i18n-iso-countries/langs/sl.json' with { type: 'json' };
import l_so from 'i18n-iso-countries/langs/so.json' with { type: 'json' };
import l_sq from 'i18n-iso-countries/langs/sq.json' with { type: 'json' };
import l_sr from 'i18n-iso-countries/langs/sr.json' with { type: 'json' };
import l_sv from 'i18n-iso-countries/langs/sv.json' with { type: 'json' };
import l_sw from 'i18n-iso-countries/langs/sw.json' with { type: 'json' };
import l_ta from 'i18n-iso-countries/langs/ta.json' with { type: 'json' };
import l_tg from 'i18n-iso-countries/langs/tg.json' with { type: 'json' };
import l_th from 'i18n-iso-countries/langs/th.json' with { type: 'json' };
import l_tk from 'i18n-iso-countries/langs/tk.json' with { type: 'json' };
import l_tr from 'i18n-iso-countries/langs/tr.json' with { type: 'json' };
import l_tt from 'i18n-iso-countries/langs/tt.json' with { type: 'json' };
import l_ug from 'i18n-iso-countries/langs/ug.json' with { type: 'json' };
import l_uk from 'i18n-iso-countries/langs/uk.json' with { type: 'json' };
import l_ur from 'i18n-iso-countries/langs/ur.json' with { type: 'json' };
import l_uz from 'i18n-iso-countries/langs/uz.json' with { type: 'json' };
import l_vi from 'i18n-iso-countries/langs/vi.json' with { type: 'json' };
import l_zh from 'i18n-iso-countries/langs/zh.json' with { type: 'json' };

export const COUNTRY_LOCALES: readonly LocaleData[] = [
  l_en, l_de, l_fr, l_es, l_pt, l_it, l_nl, l_ja, l_af, l_am,
  l_ar, l_az, l_be, l_bg, l_bn, l_br, l_bs, l_ca, l_cs, l_cy,
  l_da, l_dv, l_el, l_et, l_eu, l_fa, l_fi, l_ga, l_gl, l_ha,
  l_he, l_hi, l_hr, l_hu, l_hy, l_id, l_is, l_ka, l_kk, l_km,
  l_ko, l_ku, l_ky, l_lt, l_lv, l_mk, l_ml, l_mn, l_mr, l_ms,
  l_mt, l_nb, l_nn, l_no, l_pl, l_ps, l_ro, l_ru, l_sd, l_sk,
  l_sl, l_so, l_sq, l_sr, l_sv, l_sw, l_ta, l_tg, l_th, l_tk,
  l_tr, l_tt, l_ug, l_uk, l_ur, l_uz, l_vi, l_zh,
] as LocaleData[];

export const COUNTRY_LOCALE_COUNT = 78;
