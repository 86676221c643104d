package se.stegvis.localstack;

import static se.stegvis.localstack.CastMember.Form.TEN;
import static se.stegvis.localstack.CastMember.Form.TEN_WITH_DASH;
import static se.stegvis.localstack.CastMember.Form.TWELVE;
import static se.stegvis.localstack.CastMember.Form.TWELVE_WITH_DASH;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import se.stegvis.localstack.CastMember.Profile;

/**
 * The invented people of the whole-system scenario. Names are made-up rare strings, so that finding one anywhere
 * outside participant-service cannot be a coincidence; identity numbers are made up with valid check digits.
 *
 * <p>The seeded projects get fixed dates inside their period, with outcomes during participation only. The onboarded
 * project's dates are counted back from today, so that its leavers' six-month follow-up is still due: that is how the
 * scenario sees that outcome-service has learnt of a leaving before it records the outcomes that depend on it.
 */
final class ScenarioCast {

    static final String UTVAG = "23-073-S03";
    static final String UNG_SYDVAST = "23-069-S06";
    static final String OSTRA = "23-079-S13";
    static final String ONBOARDED = "2024-E2E-0117";
    /** The onboarded project's leavers all leave this many days before today: their six months have come. */
    static final int LEFT_DAYS_AGO = 200;

    private ScenarioCast() {
    }

    static List<CastMember> onboarded(LocalDate today) {
        LocalDate enrolled = today.minusDays(300);
        LocalDate left = today.minusDays(LEFT_DAYS_AGO);
        LocalDate during = left.minusDays(10);
        LocalDate uponLeaving = left.plusDays(5);
        LocalDate days90 = left.plusDays(90);
        LocalDate months6 = left.plusMonths(6);
        return List.of(
                member("N01", ONBOARDED, "LEAVING_PRISON", enrolled, "199403127310", TWELVE_WITH_DASH, "Zyllvana", "Qvarnbrixt")
                        .profile("WOMAN", "UNEMPLOYED", "ISCED_3_4").activity("WORK_TRAINING", enrolled.plusDays(7), "6.5")
                        .leaves(left, "COMPLETED").outcome("EMPLOYED", days90, "DAYS_90"),
                member("N02", ONBOARDED, "ON_PROBATION", enrolled, "198807018513", TWELVE, "Kworvald", "Vrännskjöld")
                        .profile("MAN", "LONG_TERM_UNEMPLOYED", "ISCED_0_2").activity("STUDIES", enrolled.plusDays(8), "3")
                        .leaves(left, "COMPLETED").outcome("IN_EDUCATION_OR_TRAINING", days90.plusDays(5), "DAYS_90"),
                member("N03", ONBOARDED, "LEAVING_PRISON", enrolled, "200102023710", TEN_WITH_DASH, "Ylvexor", "Drummelgaze")
                        .profile("MAN", "LONG_TERM_UNEMPLOYED", "ISCED_0_2").activity("WORK_TRAINING", enrolled.plusDays(9), "7.25")
                        .leaves(left, "DROPPED_OUT").outcome("JOB_SEARCHING", uponLeaving.minusDays(2), "UPON_LEAVING")
                        .outcome("EMPLOYED", uponLeaving.plusDays(15), "UPON_LEAVING"),
                member("N04", ONBOARDED, "ON_PROBATION", enrolled, "196805059612", TEN, "Märtrixa", "Snökvarzén")
                        .profile("WOMAN", "INACTIVE", "ISCED_5_8").activity("SOCIAL_TRAINING", enrolled.plusDays(10), "2")
                        .leaves(left, "COMPLETED").outcome("EMPLOYED", days90.plusDays(9), "DAYS_90").thenRetracted(),
                member("N05", ONBOARDED, "LEAVING_PRISON", enrolled, "199909097116", TWELVE_WITH_DASH, "Quillo", "Brakvistrand")
                        .profile("NON_BINARY", "UNEMPLOYED", "ISCED_3_4").activity("INTERNSHIP", enrolled.plusDays(14), "8")
                        .leaves(left, "COMPLETED").outcome("IN_EDUCATION_OR_TRAINING", uponLeaving, "UPON_LEAVING"),
                member("N06", ONBOARDED, "ON_PROBATION", enrolled, "197912245912", TWELVE, "Faxelinn", "Olvrenbjerke")
                        .profile("NOT_STATED", "EMPLOYED", "ISCED_3_4"),
                member("N07", ONBOARDED, "LEAVING_PRISON", enrolled, "200708158316", TEN_WITH_DASH, "Jönsixo", "Tramquorst")
                        .profile("MAN", "INACTIVE", "ISCED_0_2").activity("STUDIES", enrolled.plusDays(15), "4"),
                member("N08", ONBOARDED, "ON_PROBATION", enrolled, "199001209411", TEN, "Ezraffia", "Lyxbäckvorn")
                        .profile(new Profile("WOMAN", "LONG_TERM_UNEMPLOYED", "ISCED_0_2", "YES", "YES", Set.of())
                                .withFlags("thirdCountryNational", "foreignBackground", "homeless", "ruralArea"))
                        .activity("WORK_TRAINING", enrolled.plusDays(16), "5.5"),
                member("N09", ONBOARDED, "LEAVING_PRISON", enrolled, "198511116710", TWELVE_WITH_DASH, "Gröndulf", "Pexvallander")
                        .profile("MAN", "UNEMPLOYED", "ISCED_3_4")
                        .correctedTo(new Profile("WOMAN", "INACTIVE", "ISCED_5_8", "NO", "NO", Set.of()), "Kvistroxhammar"),
                member("N10", ONBOARDED, "ON_PROBATION", enrolled, "196004044811", TWELVE, "Sivquilla", "Haxmyrbrant")
                        .profile("WOMAN", "UNEMPLOYED", "ISCED_0_2").protection("PROTECTED_ADDRESS"),
                member("N11", ONBOARDED, "LEAVING_PRISON", enrolled, "199606905314", TWELVE_WITH_DASH, "Bexorn", "Flömquistrax")
                        .profile("MAN", "LONG_TERM_UNEMPLOYED", "ISCED_3_4").protection("FICTITIOUS_IDENTITY")
                        .leaves(left, "REFERRED_ELSEWHERE").outcome("EMPLOYED", months6, "MONTHS_6")
                        .outcome("IMPROVED_LABOUR_MARKET_SITUATION", months6.plusDays(1), "MONTHS_6"),
                member("N12", ONBOARDED, "ON_PROBATION", enrolled, "200010102614", TEN_WITH_DASH, "Oxaviva", "Zindelbrjot")
                        .profile("WOMAN", "UNEMPLOYED", "ISCED_3_4").outcomeDuring("STEP_FORWARD", during)
                        .leaves(left, "COMPLETED").outcome("GAINED_QUALIFICATION", uponLeaving.minusDays(1), "UPON_LEAVING"));
    }

    static List<CastMember> seeded() {
        return List.of(
                member("U01", UTVAG, "GANG_DEFECTOR", day("2024-10-14"), "199502147714", TWELVE_WITH_DASH, "Tarvixo", "Qlemmingsvärd")
                        .profile("MAN", "LONG_TERM_UNEMPLOYED", "ISCED_0_2").protection("PROTECTED_ADDRESS")
                        .activity("DIGITAL_GUIDANCE", day("2024-10-21"), "1.5").outcomeDuring("EMPLOYED", day("2025-03-03"))
                        .leaves(day("2025-03-31"), "COMPLETED"),
                member("U02", UTVAG, "GANG_DEFECTOR", day("2024-10-14"), "199905203510", TWELVE, "Hujbert", "Vixtergrund")
                        .profile("MAN", "UNEMPLOYED", "ISCED_3_4").activity("DIGITAL_GUIDANCE", day("2024-10-22"), "1")
                        .activity("DIGITAL_GUIDANCE", day("2024-11-22"), "2").outcomeDuring("STEP_FORWARD", day("2025-01-10")),
                member("U03", UTVAG, "DOMESTIC_VIOLENCE_VICTIM", day("2024-10-15"), "198709308418", TEN_WITH_DASH, "Aldrixa", "Spöklundvex")
                        .profile(profile("WOMAN", "UNEMPLOYED", "ISCED_5_8").withFlags("foreignBackground"))
                        .protection("FICTITIOUS_IDENTITY").activity("DIGITAL_GUIDANCE", day("2024-10-23"), "1.25")
                        .outcomeDuring("IN_EDUCATION_OR_TRAINING", day("2025-02-17")),
                member("U04", UTVAG, "DOMESTIC_VIOLENCE_VICTIM", day("2024-10-15"), "199212016217", TEN, "Nivaqua", "Brommelzott")
                        .profile("WOMAN", "INACTIVE", "ISCED_3_4").activity("INDIVIDUAL_GUIDANCE", day("2024-10-24"), "1"),
                member("U05", UTVAG, "DOMESTIC_VIOLENCE_VICTIM", day("2024-10-16"), "198303084613", TWELVE_WITH_DASH, "Cezmira", "Trullhaxby")
                        .profile(profile("WOMAN", "EMPLOYED", "ISCED_3_4").withFlags("thirdCountryNational"))
                        .activity("DIGITAL_GUIDANCE", day("2024-10-25"), "0.75").thenRetracted().outcomeDuring("STEP_FORWARD", day("2025-02-20")),
                member("U06", UTVAG, "GANG_DEFECTOR", day("2024-10-16"), "200406069112", TWELVE, "Ruxander", "Gnistquorp")
                        .profile("MAN", "LONG_TERM_UNEMPLOYED", "ISCED_0_2").activity("DIGITAL_GUIDANCE", day("2024-10-28"), "2")
                        .erasedAtTheEnd(),
                member("U07", UTVAG, "GANG_DEFECTOR", day("2024-10-17"), "200201255817", TEN_WITH_DASH, "Elvqi", "Snorxbacke")
                        .profile("NON_BINARY", "UNEMPLOYED", "ISCED_0_2").activity("DIGITAL_GUIDANCE", day("2024-11-01"), "2"),
                member("U08", UTVAG, "DOMESTIC_VIOLENCE_VICTIM", day("2024-10-17"), "197507072416", TEN, "Wendrixa", "Kvaltrömzig")
                        .profile(profile("WOMAN", "LONG_TERM_UNEMPLOYED", "ISCED_0_2").withFlags("homeless"))
                        .outcomeDuring("EMPLOYED", day("2025-04-01")).leaves(day("2025-05-30"), "COMPLETED"),
                member("Y01", UNG_SYDVAST, "YOUNG_PEOPLE_AT_RISK", day("2024-10-01"), "200904118213", TWELVE_WITH_DASH, "Pyxalina", "Oxqvistbo")
                        .profile("WOMAN", "INACTIVE", "ISCED_0_2").activity("OUTREACH_CONTACT", day("2024-10-02"), "1"),
                member("Y02", UNG_SYDVAST, "YOUNG_PEOPLE_AT_RISK", day("2024-10-01"), "200808086417", TWELVE, "Lumixa", "Drägqvarn")
                        .profile(profile("WOMAN", "INACTIVE", "ISCED_0_2").withFlags("ruralArea"))
                        .activity("OUTREACH_CONTACT", day("2024-10-03"), "0.5").outcomeDuring("STEP_FORWARD", day("2025-03-10")),
                member("Y03", UNG_SYDVAST, "YOUNG_PEOPLE_AT_RISK", day("2024-10-02"), "200505153916", TEN_WITH_DASH, "Fenrixo", "Bluxstedt")
                        .profile("MAN", "UNEMPLOYED", "ISCED_3_4").activity("EMPLOYMENT_COACHING", day("2024-10-09"), "2")
                        .outcomeDuring("EMPLOYED", day("2025-04-22")).leaves(day("2025-05-02"), "COMPLETED"),
                member("Y04", UNG_SYDVAST, "YOUNG_PEOPLE_AT_RISK", day("2024-10-02"), "200611308610", TEN, "Saqvina", "Moxfjällén")
                        .profile(profile("WOMAN", "INACTIVE", "ISCED_0_2").withMinority("DECLINED")),
                member("Y05", UNG_SYDVAST, "YOUNG_PEOPLE_AT_RISK", day("2024-10-03"), "200303035711", TWELVE_WITH_DASH, "Dorvexx", "Ylqvistmark")
                        .profile(profile("MAN", "LONG_TERM_UNEMPLOYED", "ISCED_0_2").withFlags("foreignBackground", "thirdCountryNational")),
                member("Y06", UNG_SYDVAST, "YOUNG_PEOPLE_AT_RISK", day("2024-10-03"), "200701199515", TWELVE, "Ixaborr", "Flenqvarz")
                        .profile("NOT_STATED", "INACTIVE", "ISCED_0_2").activity("PSYCHOSOCIAL_SUPPORT", day("2024-10-10"), "1.5"),
                member("O01", OSTRA, "PARENT", day("2024-10-07"), "196602288810", TEN_WITH_DASH, "Gudrixa", "Zorvhamra")
                        .profile("WOMAN", "EMPLOYED", "ISCED_3_4").activity("PARENT_SUPPORT", day("2024-10-08"), "2"),
                member("O02", OSTRA, "YOUNG_PEOPLE_AT_RISK", day("2024-10-07"), "200812123313", TEN, "Koxalf", "Priqvenstad")
                        .profile("MAN", "INACTIVE", "ISCED_0_2").activity("SCHOOL_INTERVENTION", day("2024-10-09"), "3"),
                member("O03", OSTRA, "YOUNG_PEOPLE_AT_RISK", day("2024-10-08"), "200707176814", TWELVE_WITH_DASH, "Mirqa", "Vaxelbrunn")
                        .profile(profile("WOMAN", "INACTIVE", "ISCED_0_2").withDisability("DECLINED"))
                        .activity("REFERRAL_TO_ACTIVITY", day("2024-10-10"), "1").outcomeDuring("STEP_FORWARD", day("2025-02-02")));
    }

    private static CastMember member(String key, String projectId, String targetGroup, LocalDate enrolledOn, String number,
                                     CastMember.Form form, String givenName, String familyName) {
        return new CastMember(key, projectId, targetGroup, enrolledOn, number, form, givenName, familyName);
    }

    private static Profile profile(String gender, String labourMarketStatus, String educationLevel) {
        return new Profile(gender, labourMarketStatus, educationLevel, "NO", "NO", Set.of());
    }

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }
}
