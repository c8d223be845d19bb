//! A tiny gazetteer for unit tests, built from hand-written rows in the GeoNames formats.
//! Real GeoNames ids and coordinates for real places; the small "Springfield", "Tarsk", the
//! Afghan "Doha", "Jowzjan" (a village) and "Qari Bagh", the Iranian "Qari" and "Ahmadi" are
//! invented for the tests.

use super::Gazetteer;
use std::sync::OnceLock;

const PLACES: &str = "\
1129867\tQala i Naw\tQala i Naw\tQal'ah-ye Now,Qala-e-Nau,Qala-i-Naw\t34.98735\t63.12891\tP\tPPLA\tAF\t\t02\t\t\t\t64125\t\t921\tAsia/Kabul\t2020-01-01
1127110\tShibirghan\tShibirghan\tSheberghan,Shibarghan\t36.66757\t65.7529\tP\tPPLA\tAF\t\t08\t\t\t\t148329\t\t362\tAsia/Kabul\t2020-01-01
1135689\tKunduz\tKunduz\tKonduz,Qunduz\t36.72895\t68.857\tP\tPPLA\tAF\t\t24\t\t\t\t268893\t\t398\tAsia/Kabul\t2020-01-01
900007\tAqtepa\tAqtepa\t\t37.1\t68.7\tP\tPPL\tAF\t\t24\t1234\t\t\t3000\t\t400\tAsia/Kabul\t2020-01-01
900001\tDoha\tDoha\t\t34.9\t63.2\tP\tPPL\tAF\t\t02\t\t\t\t600\t\t900\tAsia/Kabul\t2020-01-01
290030\tDoha\tDoha\tAd Dawhah,Dauha\t25.28545\t51.53096\tP\tPPLC\tQA\t\t01\t\t\t\t344939\t\t10\tAsia/Qatar\t2020-01-01
2210247\tTripoli\tTripoli\tTarabulus,Trablus\t32.88743\t13.18733\tP\tPPLC\tLY\t\t77\t\t\t\t1150989\t\t81\tAfrica/Tripoli\t2020-01-01
266826\tTripoli\tTripoli\tTrablous\t34.43667\t35.84972\tP\tPPLA\tLB\t\t09\t\t\t\t229398\t\t20\tAsia/Beirut\t2020-01-01
900002\tSpringfield\tSpringfield\t\t34.5\t35.9\tP\tPPL\tLB\t\t09\t\t\t\t5000\t\t20\tAsia/Beirut\t2020-01-01
900003\tSpringfield\tSpringfield\t\t32.5\t13.5\tP\tPPL\tLY\t\t77\t\t\t\t8000\t\t20\tAfrica/Tripoli\t2020-01-01
900004\tTarsk\tTarsk\t\t34.52\t35.95\tP\tPPL\tLB\t\t09\t\t\t\t20000\t\t20\tAsia/Beirut\t2020-01-01
3088171\tPolice\tPolice\t\t53.55214\t14.57182\tP\tPPL\tPL\t\t78\t\t\t\t33000\t\t20\tEurope/Warsaw\t2020-01-01
2287790\tMan\tMan\t\t7.41251\t-7.55383\tP\tPPLA\tCI\t\t78\t\t\t\t188704\t\t20\tAfrica/Abidjan\t2020-01-01
741100\tOf\tOf\t\t40.94\t40.27\tP\tPPLA2\tTR\t\t61\t\t\t\t23000\t\t20\tEurope/Istanbul\t2020-01-01
900005\tMay\tMay\t\t40.0\t40.0\tP\tPPL\tTR\t\t61\t\t\t\t900\t\t20\tEurope/Istanbul\t2020-01-01
900006\tSaid\tSaid\t\t30.0\t31.0\tP\tPPL\tTR\t\t61\t\t\t\t900\t\t20\tEurope/Istanbul\t2020-01-01
1137168\tKhanabad\tKhanabad\tKhan Abad,Khanabad\t36.68304\t69.11279\tP\tPPLA2\tAF\t\t24\t1235\t\t\t71531\t\t500\tAsia/Kabul\t2020-01-01
7053298\tKhanabad\tKhanabad\tKhanabad District\t36.7\t69.15\tA\tADM2\tAF\t\t24\t1235\t\t\t250000\t\t500\tAsia/Kabul\t2020-01-01
900008\tKhanabad\tKhanabad\t\t35.0\t51.0\tP\tPPL\tIR\t\t26\t\t\t\t800\t\t1200\tAsia/Tehran\t2020-01-01
900009\tBassett\tBassett\t\t34.45\t35.86\tP\tPPL\tLB\t\t09\t\t\t\t5000\t\t20\tAsia/Beirut\t2020-01-01
900010\tDarband\tDarband\t\t35.6\t63.3\tP\tPPL\tAF\t\t02\t2001\t\t\t2000\t\t900\tAsia/Kabul\t2020-01-01
900011\tSardara\tSardara\t\t36.9\t65.9\tP\tPPL\tAF\t\t08\t2002\t\t\t2000\t\t400\tAsia/Kabul\t2020-01-01
900012\tBeit Kassab\tBeit Kassab\tBadghis\t34.2\t35.7\tP\tPPL\tLB\t\t09\t\t\t\t30000\t\t20\tAsia/Beirut\t2020-01-01
900013\tJowzjan\tJowzjan\t\t36.2\t65.3\tP\tPPL\tAF\t\t08\t\t\t\t9000\t\t400\tAsia/Kabul\t2020-01-01
900014\tQari\tQari\t\t35.5\t51.5\tP\tPPL\tIR\t\t26\t\t\t\t60000\t\t1200\tAsia/Tehran\t2020-01-01
900015\tAhmadi\tAhmadi\t\t35.2\t51.2\tP\tPPLA2\tIR\t\t26\t\t\t\t500000\t\t1200\tAsia/Tehran\t2020-01-01
900016\tQari Bagh\tQari Bagh\t\t35.1\t63.1\tP\tPPL\tAF\t\t02\t\t\t\t2000\t\t900\tAsia/Kabul\t2020-01-01
2660646\tGeneve\tGeneve\tGeneva,Genf\t46.20222\t6.14569\tP\tPPLA\tCH\t\t07\t\t\t\t183981\t\t375\tEurope/Zurich\t2020-01-01
3204186\tBor\tBor\t\t44.08333\t22.1\tP\tPPLA\tRS\t\t14\t\t\t\t34000\t\t20\tEurope/Belgrade\t2020-01-01
";

const ADMIN1: &str = "\
AF.02\tBadghis\tBadghis\t1147707
AF.08\tJowzjan\tJowzjan\t1139049
AF.24\tKunduz\tKunduz\t1135690
QA.01\tBaladiyat ad Dawhah\tBaladiyat ad Dawhah\t290029
LY.77\tTripoli\tTripoli\t2210245
LB.09\tNorth Governorate\tNorth Governorate\t6201374
CH.07\tGeneva\tGeneva\t2660645
";

const COUNTRIES: &str = "\
#ISO\tISO3\tISO-Numeric\tfips\tCountry\tCapital\tArea\tPopulation\tContinent\ttld\tCurrencyCode\tCurrencyName\tPhone\tPostal\tRegex\tLanguages\tgeonameid\tneighbours\tEquivalentFipsCode
AF\tAFG\t004\tAF\tAfghanistan\tKabul\t647500\t37172386\tAS\t.af\tAFN\tAfghani\t93\t\t\tfa-AF\t1149361\tTM\t
QA\tQAT\t634\tQA\tQatar\tDoha\t11437\t2781677\tAS\t.qa\tQAR\tRial\t974\t\t\tar-QA\t289688\tSA\t
LY\tLBY\t434\tLY\tLibya\tTripoli\t1759540\t6678567\tAF\t.ly\tLYD\tDinar\t218\t\t\tar-LY\t2215636\tTN\t
LB\tLBN\t422\tLE\tLebanon\tBeirut\t10400\t6848925\tAS\t.lb\tLBP\tPound\t961\t\t\tar-LB\t272103\tSY\t
SY\tSYR\t760\tSY\tSyria\tDamascus\t185180\t16906283\tAS\t.sy\tSYP\tPound\t963\t\t\tar-SY\t163843\tIQ\t
PL\tPOL\t616\tPL\tPoland\tWarsaw\t312685\t37978548\tEU\t.pl\tPLN\tZloty\t48\t\t\tpl\t798544\tDE\t
CI\tCIV\t384\tIV\tIvory Coast\tYamoussoukro\t322460\t25069229\tAF\t.ci\tXOF\tFranc\t225\t\t\tfr-CI\t2287781\tLR\t
TR\tTUR\t792\tTU\tTurkey\tAnkara\t780580\t82319724\tAS\t.tr\tTRY\tLira\t90\t\t\ttr-TR\t298795\tSY\t
RS\tSRB\t688\tRI\tSerbia\tBelgrade\t88361\t6982084\tEU\t.rs\tRSD\tDinar\t381\t\t\tsr\t6290252\tHU\t
CH\tCHE\t756\tSZ\tSwitzerland\tBern\t41290\t8516543\tEU\t.ch\tCHF\tFranc\t41\t\t\tde-CH\t2658434\tDE\t
IR\tIRN\t364\tIR\tIran\tTehran\t1648000\t81800269\tAS\t.ir\tIRR\tRial\t98\t\t\tfa-IR\t130758\tTR\t
";

const ADMIN2: &str = "AF.24.1234\tImam Sahib District\tImam Sahib District\t1135000\nAF.02.2001\tMurghab\tMurghab\t1147100\nAF.08.2002\tProvince du Qarqin\tProvince du Qarqin\t1139100\nLB.09.3001\tMediterranean\tMediterranean\t1139200\n";

const SUBDIVISIONS: &str =
    "Kunduz\tAF-KDZ\tAF.24\t1135690\tProvince\tKunduz Province|Konduz\t1\t\t1\n";

const EXTRA: &str =
    "Africa\t6255146\t7.1881\t21.09375\tCONT\nMediterranean Sea;Mediterranean\t0\t35\t20\tSEA\n";

/// Invented points, only to check that they replace the built centres.
const REGION_POINTS: &str = "# code\tlat\tlon\tname\nAF\t33\t66\tAfghanistan\nAF.02\t35\t63.5\tBadghis\nZZ\t1\t1\tunknown\n";

const DEMONYMS: &str =
    "# test demonyms\nAF\tAfghan;Afghani\nLB\tLebanese\nLY\tLibyan\nIR\tIranian\n";

const CONTEXT: &str = "# kind\tword\nstop\tLater\nstop\tOf\nstop\tSaid\nstop\tMay\ntitle\tPresident\ntitle\tMr\ntitle\tQari\nadmin1\tprovince\nadmin1\tstate\ncity\tcity\ncity\ttown\nadmin2\tdistrict\nperson\tBassett\nperson\tDoha\nmodifier\tforward\nmodifier\tbureau\nmodifier\tbased\nperson\tAndrew\nfeature\tStreet\nfeature\tDelta\nfacility\tUniversity\nfacility\tHotel\nfacility\tHarbour\nvenue\ttalks\nvenue\tsigned\npart\tquarter\npart\tsuburb\n";

/// The test gazetteer, built once per test binary through the real build and load code.
pub(crate) fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("frontline-testgaz-{}", std::process::id()));
        let src = dir.join("src");
        std::fs::create_dir_all(&src).expect("temp dir");
        let files = [
            ("cities500.txt", PLACES),
            ("admin1CodesASCII.txt", ADMIN1),
            ("countryInfo.txt", COUNTRIES),
            ("subdivisions.tsv", SUBDIVISIONS),
            ("admin2Codes.txt", ADMIN2),
        ];
        let mut inputs = Vec::new();
        for (n, t) in files {
            std::fs::write(src.join(n), t).expect("write test dump");
            inputs.push(src.join(n));
        }
        let out = dir.join("gaz");
        super::build(&inputs, &out).expect("build test gazetteer");
        std::fs::write(out.join("demonyms.tsv"), DEMONYMS).expect("write");
        std::fs::write(out.join("places_context.tsv"), CONTEXT).expect("write");
        std::fs::write(out.join("places_extra.tsv"), EXTRA).expect("write");
        std::fs::write(out.join("region_points.tsv"), REGION_POINTS).expect("write");
        std::fs::write(
            out.join("admin1_aliases.tsv"),
            "# code\tnames\nAF.02\tBdg.;Bdg\nZZ.01\tNowhere\n",
        )
        .expect("write");
        std::fs::write(
            out.join("places_aliases.tsv"),
            "# id\tnames\n1129867\tBadghis Town\n",
        )
        .expect("write");
        let g = Gazetteer::load(&out).expect("load test gazetteer");
        let _ = std::fs::remove_dir_all(&dir);
        g
    })
}
