package se.stegvis.localstack.demo;

import java.time.LocalDate;
import java.util.Random;

/**
 * A person's ESF+ entry data drawn from their target group's {@link EntryProfile}, and what their identity number
 * must then say: a birth date that gives exactly the drawn age on the enrolment day, and whether it is a
 * coordination number (many third-country nationals have one instead of a personal identity number).
 */
record InventedEntry(DemoPerson.Entry entry, LocalDate born, boolean coordinationNumber, String protection) {

    static InventedEntry invent(DemoProject project, DemoMixes mixes, String targetGroup, LocalDate enrolledOn,
            Random random) {
        EntryProfile profile = mixes.profile(targetGroup);
        String gender = profile.genders().pick(random);
        int age = age(profile.ages().pick(random), random);
        // Up to 364 days before the birthday that gives this age: a year back is always 365 or 366 days.
        LocalDate born = enrolledOn.minusYears(age).minusDays(random.nextInt(365));
        boolean thirdCountry = percent(random, profile.thirdCountryPercent());
        boolean coordination = thirdCountry && percent(random, mixes.percent("coordinationNumberPercentOfThirdCountryNationals"));
        String protection = profile.protection().pick(random);
        // Under 16 is compulsory school in Sweden: inactive, at most lower secondary education.
        String labourMarket = age < 16 ? "INACTIVE" : profile.labourMarket().pick(random);
        String education = education(profile, age, random);
        String disability = percent(random, profile.disabilityPercent()) ? "YES" : mixes.mix("disability").pick(random);
        String minority = mixes.mix("minority").pick(random);
        boolean foreignBackground = thirdCountry || percent(random, profile.foreignBackgroundPercent());
        boolean homeless = percent(random, profile.homelessPercent());
        boolean rural = percent(random, mixes.ruralPercent(project.nuts2()));
        DemoPerson.Entry entry = new DemoPerson.Entry(enrolledOn, targetGroup, gender, age, labourMarket, education,
                disability, minority, thirdCountry, foreignBackground, homeless, rural);
        return new InventedEntry(entry, born, coordination, protection);
    }

    /** A range such as {@code 18-24}, then a year within it. */
    private static int age(String range, Random random) {
        String[] bounds = range.split("-");
        int min = Integer.parseInt(bounds[0]);
        return min + random.nextInt(Integer.parseInt(bounds[1]) - min + 1);
    }

    private static String education(EntryProfile profile, int age, Random random) {
        String level = profile.education().pick(random);
        if (age < 17) {
            return "ISCED_0_2";
        }
        return age < 21 && level.equals("ISCED_5_8") ? "ISCED_3_4" : level;
    }

    private static boolean percent(Random random, int percent) {
        return random.nextInt(100) < percent;
    }
}
