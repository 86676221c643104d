package se.stegvis.participant.catalogue.domain;

/** A Swedish organisation number: ten digits (optionally NNNNNN-NNNN) whose last is a Luhn check digit. */
final class OrganisationNumber {

    private OrganisationNumber() {
    }

    static boolean isValid(String text) {
        String digits = text.matches("\\d{6}-\\d{4}") ? text.replace("-", "") : text;
        if (!digits.matches("\\d{10}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            int digit = digits.charAt(i) - '0';
            int weighted = i % 2 == 0 ? digit * 2 : digit;
            sum += weighted > 9 ? weighted - 9 : weighted;
        }
        return sum % 10 == 0;
    }
}
