package se.stegvis.participant;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Identity numbers of invented people: a real date, a serial and a correct Luhn check digit. */
final class InventedPeople {

    private InventedPeople() {
    }

    static String identityNumber(LocalDate born, int serial) {
        String nine = born.format(DateTimeFormatter.ofPattern("yyMMdd")) + String.format("%03d", serial % 1000);
        return born.format(DateTimeFormatter.ofPattern("yyyyMMdd")) + "-" + String.format("%03d", serial % 1000) + luhn(nine);
    }

    private static int luhn(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            int digit = (nineDigits.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += digit > 9 ? digit - 9 : digit;
        }
        return (10 - sum % 10) % 10;
    }

    static String enrolment(String identityNumber, String givenName, String familyName, String protection, String enrolledOn,
            String targetGroup) {
        return """
                {"person": {"personalIdentityNumber": "%s", "givenName": "%s", "familyName": "%s", "protection": "%s"},
                 "enrolledOn": "%s", "targetGroup": "%s", "gender": "WOMAN", "labourMarketStatus": "LONG_TERM_UNEMPLOYED",
                 "educationLevel": "ISCED_3_4", "disability": "DECLINED", "minority": "NO", "thirdCountryNational": false,
                 "foreignBackground": true, "homeless": false, "ruralArea": false}
                """.formatted(identityNumber, givenName, familyName, protection, enrolledOn, targetGroup);
    }
}
