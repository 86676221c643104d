package se.stegvis.localstack.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Names and identity numbers of invented people: common given and family names combined at random, and numbers
 * with a real birth date, a random serial and the Luhn check digit that participant-service checks. Nobody is
 * copied from anywhere; a number may by chance equal a real person's, as any well-formed number may.
 */
final class InventedIdentity {

    private static final List<String> WOMEN = List.of("Anna", "Maria", "Emma", "Sara", "Elin", "Johanna", "Linnea",
            "Fatima", "Amina", "Sofia", "Ida", "Hanna", "Maja", "Leila", "Nora", "Aisha", "Elsa", "Julia", "Yasmin", "Klara");
    private static final List<String> MEN = List.of("Erik", "Lars", "Johan", "Oskar", "Ali", "Mohammed", "Ahmed", "Emil",
            "Viktor", "Filip", "Anton", "Adam", "Hassan", "Lucas", "Elias", "Omar", "Karl", "Nils", "Yusuf", "Isak");
    private static final List<String> EITHER = List.of("Alex", "Kim", "Robin", "Sam", "Charlie", "Eli", "Love", "Vanja");
    private static final List<String> FAMILIES = List.of("Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson",
            "Larsson", "Olsson", "Persson", "Svensson", "Gustafsson", "Pettersson", "Jonsson", "Lindberg", "Lindqvist",
            "Berg", "Holm", "Ali", "Hassan", "Ahmed", "Yilmaz", "Nguyen", "Abdi", "Haddad", "Novak", "Mäkinen", "Öberg");
    /** Skatteverket adds 60 to the day of birth in a coordination number (samordningsnummer). */
    private static final int COORDINATION_DAY_OFFSET = 60;

    private InventedIdentity() {
    }

    static String givenName(String gender, Random random) {
        List<String> names = "WOMAN".equals(gender) ? WOMEN : "MAN".equals(gender) ? MEN : EITHER;
        return names.get(random.nextInt(names.size()));
    }

    static String familyName(Random random) {
        return FAMILIES.get(random.nextInt(FAMILIES.size()));
    }

    /**
     * {@code YYYYMMDD-NNNC}; the third serial digit is odd for a man and even for a woman, as in the population
     * register, and a coordination number has 60 added to its day.
     */
    static String identityNumber(LocalDate born, String gender, boolean coordination, Random random) {
        int sexDigit = "MAN".equals(gender) ? 1 + 2 * random.nextInt(5) : "WOMAN".equals(gender) ? 2 * random.nextInt(5)
                : random.nextInt(10);
        int day = born.getDayOfMonth() + (coordination ? COORDINATION_DAY_OFFSET : 0);
        String date = String.format(Locale.ROOT, "%04d%02d%02d", born.getYear(), born.getMonthValue(), day);
        String serial = String.format(Locale.ROOT, "%02d%d", random.nextInt(100), sexDigit);
        return date + "-" + serial + checkDigit(date.substring(2) + serial);
    }

    /** Luhn over the nine digits YYMMDDNNN: weights 2, 1, 2, …; the check digit brings the sum to a multiple of 10. */
    static int checkDigit(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < nineDigits.length(); i++) {
            int product = (nineDigits.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += product / 10 + product % 10;
        }
        return (10 - sum % 10) % 10;
    }
}
