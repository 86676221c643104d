package se.stegvis.schemas;

import org.apache.avro.util.ClassSecurityValidator;

/**
 * Avro 1.12 loads a generated class by its schema's name (readers, deep copies, a builder's defaults) only if the
 * class is trusted. The generated event classes are ours, so their package is added to whatever else the JVM
 * already trusts (the defaults and the {@code org.apache.avro.SERIALIZABLE_*} system properties stay in force).
 * Every generated class calls {@link #trust()} in its static initializer (see src/main/avro-templates/record.vm),
 * so no service or consumer has to remember it.
 */
public final class EventClasses {

    public static final String PACKAGE = "se.stegvis.events";

    private static boolean trusted;

    private EventClasses() {
    }

    public static synchronized void trust() {
        if (!trusted) {
            ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(
                    ClassSecurityValidator.getGlobal(),
                    type -> type.getPackageName().equals(PACKAGE)));
            trusted = true;
        }
    }
}
