package se.stegvis.localstack;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Enrolments of invented people for project 23-073-S03: the n-th person has a made-up identity number (a birth
 * date and serial derived from n, with a valid check digit) that no other n shares, and made-up names.
 */
final class InventedPeople {

    static final String PROJECT = "23-073-S03";
    static final LocalDate ENROLLED_ON = LocalDate.of(2025, 3, 3);

    private static final LocalDate FIRST_BIRTH_DATE = LocalDate.of(1980, 1, 1);
    private static final int BIRTH_DATES = 7000;
    private static final List<String> GIVEN_NAMES = List.of("Testa", "Provar", "Exempla", "Fiktiv", "Låtsa");
    private static final List<String> GENDERS = List.of("WOMAN", "MAN", "NON_BINARY", "NOT_STATED");

    private InventedPeople() {
    }

    static String enrolment(int n) {
        return """
                {"person": {"personalIdentityNumber": "%s", "givenName": "%s", "familyName": "Felprovsson %d",
                            "protection": "NONE"},
                 "enrolledOn": "%s", "targetGroup": "%s", "gender": "%s",
                 "labourMarketStatus": "LONG_TERM_UNEMPLOYED", "educationLevel": "ISCED_3_4", "disability": "DECLINED",
                 "minority": "NO", "thirdCountryNational": false, "foreignBackground": false, "homeless": false,
                 "ruralArea": false}""".formatted(identityNumber(n), GIVEN_NAMES.get(n % GIVEN_NAMES.size()), n, ENROLLED_ON,
                n % 2 == 0 ? "GANG_DEFECTOR" : "DOMESTIC_VIOLENCE_VICTIM", GENDERS.get(n % GENDERS.size()));
    }

    /** YYYYMMDD-NNNC: birth date and serial from n, C the Luhn check digit over YYMMDDNNN. */
    static String identityNumber(int n) {
        LocalDate born = FIRST_BIRTH_DATE.plusDays(n % BIRTH_DATES);
        int serial = 100 + n / BIRTH_DATES;
        String digits = born.format(DateTimeFormatter.ofPattern("yyMMdd")) + serial;
        return born.format(DateTimeFormatter.BASIC_ISO_DATE) + "-" + serial + checkDigit(digits);
    }

    private static int checkDigit(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < nineDigits.length(); i++) {
            int product = (nineDigits.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += product / 10 + product % 10;
        }
        return (10 - sum % 10) % 10;
    }
}
