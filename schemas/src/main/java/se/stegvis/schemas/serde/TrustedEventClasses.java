package se.stegvis.schemas.serde;

import org.apache.avro.util.ClassSecurityValidator;

/**
 * Avro 1.12 loads a generated class by its schema's name only if the class is trusted. The generated event classes
 * are ours, so their package is added to whatever else the JVM already trusts (the defaults and the
 * {@code org.apache.avro.SERIALIZABLE_*} system properties stay in force).
 */
final class TrustedEventClasses {

    static final String EVENTS_PACKAGE = "se.stegvis.events";

    private static boolean trusted;

    private TrustedEventClasses() {
    }

    static synchronized void trust() {
        if (!trusted) {
            ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(
                    ClassSecurityValidator.getGlobal(),
                    type -> type.getPackageName().equals(EVENTS_PACKAGE)));
            trusted = true;
        }
    }
}
