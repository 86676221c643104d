package se.stegvis.registry.domain;

/** A version as a client names it: a number from 1 up, or "latest" (also written -1). */
public record VersionId(int number) {

    public static final int LATEST = -1;

    public static VersionId parse(String text) {
        if (text.trim().equalsIgnoreCase("latest")) {
            return new VersionId(LATEST);
        }
        try {
            int number = Integer.parseInt(text.trim());
            if (number == LATEST || number >= 1) {
                return new VersionId(number);
            }
        } catch (NumberFormatException e) {
            // answered below, like any other invalid version
        }
        throw RegistryException.invalidVersion(text);
    }

    public boolean latest() {
        return number == LATEST;
    }
}
