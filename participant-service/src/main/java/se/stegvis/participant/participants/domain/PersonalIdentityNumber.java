package se.stegvis.participant.participants.domain;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Swedish personal identity number (personnummer) or coordination number (samordningsnummer), checked
 * for format, a real calendar date and the Luhn check digit.
 *
 * <p>The number identifies a person who may live under threat, so it never appears in {@link #toString()}
 * or in the message of an {@link InvalidPersonalIdentityNumber}; only {@link #formatted()} (for showing to
 * the owner of the data) and {@link #canonical()} (for keyed hashing) give it out.
 *
 * <p>Ten-digit forms are given a century as Skatteverket does: {@code YYMMDD-NNNN} is the most recent date
 * with those digits that is not after the reference date, so the person is under 100; {@code YYMMDD+NNNN}
 * is the same date a century earlier, so the person is 100 or older. {@code YYMMDDNNNN} reads as {@code -}.
 */
public final class PersonalIdentityNumber {

    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    private static final Pattern TWELVE_DIGITS = Pattern.compile("(\\d{8})-?(\\d{4})");
    private static final Pattern TEN_DIGITS = Pattern.compile("(\\d{6})([-+]?)(\\d{4})");
    /** Skatteverket adds 60 to the day of birth to tell a coordination number from a personal one. */
    private static final int COORDINATION_DAY_OFFSET = 60;

    private final String canonical;
    private final LocalDate birthDate;

    private PersonalIdentityNumber(String canonical, LocalDate birthDate) {
        this.canonical = canonical;
        this.birthDate = birthDate;
    }

    /** Parses with today's date in Sweden as the reference for the century of ten-digit forms. */
    public static PersonalIdentityNumber parse(String text) {
        return parse(text, Clock.system(SWEDEN));
    }

    public static PersonalIdentityNumber parse(String text, Clock clock) {
        return parse(text, LocalDate.now(clock));
    }

    /**
     * @param today the reference date: it settles the century of ten-digit forms, and no birth date may
     *              lie after it
     * @throws InvalidPersonalIdentityNumber with a reason that does not contain the number
     */
    public static PersonalIdentityNumber parse(String text, LocalDate today) {
        String trimmed = text == null ? "" : text.strip();
        Matcher twelve = TWELVE_DIGITS.matcher(trimmed);
        if (twelve.matches()) {
            return fromTwelveDigits(twelve.group(1) + twelve.group(2), today);
        }
        Matcher ten = TEN_DIGITS.matcher(trimmed);
        if (ten.matches()) {
            String yymmdd = ten.group(1);
            int year = resolveYear(yymmdd, "+".equals(ten.group(2)), today);
            return fromTwelveDigits(year / 100 + yymmdd + ten.group(3), today);
        }
        throw new InvalidPersonalIdentityNumber(
                "expected YYYYMMDD-NNNN, YYYYMMDDNNNN, YYMMDD-NNNN, YYMMDDNNNN or YYMMDD+NNNN");
    }

    private static int resolveYear(String yymmdd, boolean hundredOrOlder, LocalDate today) {
        MonthDay monthDay = monthDay(twoDigits(yymmdd, 2), twoDigits(yymmdd, 4));
        int twoDigitYear = twoDigits(yymmdd, 0);
        int year = today.getYear() - Math.floorMod(today.getYear() - twoDigitYear, 100);
        if (year == today.getYear() && monthDay.isAfter(MonthDay.from(today))) {
            year -= 100;
        }
        return hundredOrOlder ? year - 100 : year;
    }

    private static PersonalIdentityNumber fromTwelveDigits(String digits, LocalDate today) {
        MonthDay monthDay = monthDay(twoDigits(digits, 4), twoDigits(digits, 6));
        int year = Integer.parseInt(digits.substring(0, 4));
        if (!monthDay.isValidYear(year)) {
            throw new InvalidPersonalIdentityNumber("not a real date");
        }
        if (!luhnValid(digits.substring(2))) {
            throw new InvalidPersonalIdentityNumber("check digit does not match");
        }
        LocalDate birthDate = monthDay.atYear(year);
        if (birthDate.isAfter(today)) {
            throw new InvalidPersonalIdentityNumber("date of birth is in the future");
        }
        return new PersonalIdentityNumber(digits, birthDate);
    }

    /** Month and real day of birth; a coordination number's day is first brought back into 1–31. */
    private static MonthDay monthDay(int month, int day) {
        int dayOfMonth = day > COORDINATION_DAY_OFFSET ? day - COORDINATION_DAY_OFFSET : day;
        try {
            return MonthDay.of(month, dayOfMonth);
        } catch (DateTimeException notADate) {
            // Its message quotes the month and day, so it is not passed on as a cause.
            throw new InvalidPersonalIdentityNumber("not a real date");
        }
    }

    private static int twoDigits(String digits, int from) {
        return Integer.parseInt(digits.substring(from, from + 2));
    }

    /** Luhn over YYMMDDNNNN: weights 2,1,2,… and a digit sum that ends in 0. */
    private static boolean luhnValid(String tenDigits) {
        int sum = 0;
        for (int i = 0; i < tenDigits.length(); i++) {
            int product = (tenDigits.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += product > 9 ? product - 9 : product;
        }
        return sum % 10 == 0;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    /**
     * Age in whole years on the given date. A person born on 29 February reaches their birthday on
     * 1 March in years without a leap day (they are still the younger age on 28 February), which is also
     * what {@link java.time.Period#between} gives.
     */
    public int ageOn(LocalDate date) {
        if (date.isBefore(birthDate)) {
            throw new IllegalArgumentException("date is before the date of birth");
        }
        int age = date.getYear() - birthDate.getYear();
        boolean birthdayNotYetReached = MonthDay.from(date).isBefore(MonthDay.from(birthDate));
        return birthdayNotYetReached ? age - 1 : age;
    }

    public boolean isCoordinationNumber() {
        return twoDigits(canonical, 6) > COORDINATION_DAY_OFFSET;
    }

    /**
     * Whether the sex digit (the third of the last four) is even: Skatteverket gives women even and men odd ones.
     * It says how the person was registered when the number was issued, which is what registers match on; the
     * gender a participant declares is entry data and may differ.
     */
    public boolean hasEvenSexDigit() {
        return (canonical.charAt(10) - '0') % 2 == 0;
    }

    /** Twelve digits, no separator, the coordination day kept as issued: the input to keyed hashing. */
    public String canonical() {
        return canonical;
    }

    /** {@code YYYYMMDD-NNNN}: only for showing to the person it belongs to or to staff entitled to it. */
    public String formatted() {
        return canonical.substring(0, 8) + "-" + canonical.substring(8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PersonalIdentityNumber that && canonical.equals(that.canonical);
    }

    @Override
    public int hashCode() {
        return canonical.hashCode();
    }

    /** Redacted: this object ends up in log lines and exception messages by accident sooner or later. */
    @Override
    public String toString() {
        return "PersonalIdentityNumber[****]";
    }
}
