package se.stegvis.registry;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code stegvis.registry.auth}, {@code .users} and {@code .realm}: who may change the registry. Reads stay open;
 * registering, config and mode changes and deletions need HTTP Basic credentials of one of {@code users}, each
 * {@code name:password}. A registry without users refuses to start unless {@code auth=none} says, explicitly, that
 * anyone who reaches the port may change or delete schemas: a forgotten setting must not open the registry.
 *
 * @param auth {@code basic} (the default) or {@code none}
 * @param users {@code name:password} entries; comma-separated, or indexed ({@code users[0]=…}) for a password with a
 *        comma. Meant for long random machine secrets (the local stack makes 256-bit ones)
 * @param realm the realm named in {@code WWW-Authenticate}
 */
@ConfigurationProperties("stegvis.registry")
public record RegistryAccessProperties(@DefaultValue("basic") Auth auth, @DefaultValue List<String> users,
                                       @DefaultValue("SchemaRegistry") String realm) {

    public enum Auth { BASIC, NONE }

    /** Keeps the passwords out of anything that prints the properties (a failure report, a debugger). */
    @Override
    public String toString() {
        return "RegistryAccessProperties[auth=" + auth + ", users=" + users.size() + " entries, realm=" + realm + "]";
    }
}
