package se.stegvis.participant.participants.domain;

/**
 * Builds personal identity numbers for tests: a date and a serial chosen here, plus the Luhn digit. They
 * are invented, never copied from anyone, and use serials in the 98x range to stay away from common ones.
 */
public final class InventedNumbers {

    private InventedNumbers() {
    }

    /**
     * Appends the check digit to a number without its last digit, in any accepted form:
     * {@code "19900101-981"}, {@code "900101+981"}, {@code "19900161981"}.
     */
    public static String withCheckDigit(String withoutCheckDigit) {
        String digits = withoutCheckDigit.replaceAll("[-+]", "");
        String nine = digits.substring(digits.length() - 9);
        return withoutCheckDigit + checkDigit(nine);
    }

    /** The same number with a check digit that does not match. */
    public static String withWrongCheckDigit(String withoutCheckDigit) {
        String valid = withCheckDigit(withoutCheckDigit);
        int right = valid.charAt(valid.length() - 1) - '0';
        return withoutCheckDigit + (right + 1) % 10;
    }

    private static int checkDigit(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            int product = (nineDigits.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += product / 10 + product % 10;
        }
        return (10 - sum % 10) % 10;
    }
}
